-- Sorting the recommendations list by priority (issue 25). "priority" is text (LOW, MEDIUM, HIGH),
-- whose alphabetical order is not its order, so "priorityRank" holds the order as a number (LOW 1,
-- MEDIUM 2, HIGH 3), indexed with the code as the tie-breaker. A trigger keeps it from "priority"
-- in the writing transaction, whichever code writes; the app never writes it.
-- (lib/status/status.ts PRIORITY_RANK says the same order.)

-- AlterTable
ALTER TABLE "Recommendation" ADD COLUMN     "priorityRank" INTEGER NOT NULL DEFAULT 2;

UPDATE "Recommendation" SET "priorityRank" = CASE "priority" WHEN 'LOW' THEN 1 WHEN 'HIGH' THEN 3 ELSE 2 END;

-- CreateIndex
CREATE INDEX "Recommendation_priorityRank_code_idx" ON "Recommendation"("priorityRank", "code");

CREATE FUNCTION "Recommendation_priority_rank"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW."priorityRank" := CASE NEW."priority" WHEN 'LOW' THEN 1 WHEN 'HIGH' THEN 3 ELSE 2 END;
    RETURN NEW;
END;
$$;
CREATE TRIGGER "Recommendation_priority_rank" BEFORE INSERT OR UPDATE OF "priority", "priorityRank" ON "Recommendation"
FOR EACH ROW EXECUTE FUNCTION "Recommendation_priority_rank"();
