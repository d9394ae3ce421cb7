-- Sorting the recommendations list by priority (issue 25). "priority" is text (LOW, MEDIUM, HIGH),
-- whose alphabetical order is not its order, so "priorityRank" holds the order as a number (LOW 1,
-- MEDIUM 2, HIGH 3), indexed with the code as the tie-breaker. Triggers keep it from "priority" in
-- the writing transaction, whichever code writes (the app, an import, the CLI, the benchmark's
-- generator); the app never writes it. (lib/status/status.ts PRIORITY_RANK says the same order.)
--
-- A column with a constant default is added in place: the table is not rebuilt, so the search
-- index's triggers on it (20261124203000_search_index) stay.

-- AlterTable
ALTER TABLE "Recommendation" ADD COLUMN "priorityRank" INTEGER NOT NULL DEFAULT 2;

UPDATE "Recommendation" SET "priorityRank" = CASE "priority" WHEN 'LOW' THEN 1 WHEN 'HIGH' THEN 3 ELSE 2 END;

-- CreateIndex
CREATE INDEX "Recommendation_priorityRank_code_idx" ON "Recommendation"("priorityRank", "code");

-- SQLite's triggers cannot change the row being written (NEW is read-only), so they update it after.
CREATE TRIGGER "Recommendation_priority_rank_insert" AFTER INSERT ON "Recommendation" BEGIN
    UPDATE "Recommendation" SET "priorityRank" = CASE new."priority" WHEN 'LOW' THEN 1 WHEN 'HIGH' THEN 3 ELSE 2 END
    WHERE "id" = new."id";
END;
CREATE TRIGGER "Recommendation_priority_rank_update" AFTER UPDATE OF "priority", "priorityRank" ON "Recommendation"
WHEN new."priorityRank" IS NOT (CASE new."priority" WHEN 'LOW' THEN 1 WHEN 'HIGH' THEN 3 ELSE 2 END) BEGIN
    UPDATE "Recommendation" SET "priorityRank" = CASE new."priority" WHEN 'LOW' THEN 1 WHEN 'HIGH' THEN 3 ELSE 2 END
    WHERE "id" = new."id";
END;
