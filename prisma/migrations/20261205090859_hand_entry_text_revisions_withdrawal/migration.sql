-- Hand entry (issue 24): an item may have no source span (entered by hand, its text not in the
-- report), so the four span columns become nullable; withdrawal records who, when and why; text
-- corrections are kept, append-only, in "RecommendationTextRevision".
--
-- SQLite cannot drop NOT NULL in place, so "Recommendation" is rebuilt below. Dropping the old
-- table drops its triggers too (without firing them): the search index's triggers on it
-- (migration 20261124203000_search_index) are created again at the end, unchanged, and the
-- "SearchText" rows, which the rebuild does not touch, stay as they are.

-- CreateTable
CREATE TABLE "RecommendationTextRevision" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "recommendationId" TEXT NOT NULL,
    "fromTitle" TEXT NOT NULL,
    "toTitle" TEXT NOT NULL,
    "fromText" TEXT NOT NULL,
    "toText" TEXT NOT NULL,
    "reason" TEXT,
    "authorId" TEXT,
    "recordedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "RecommendationTextRevision_recommendationId_fkey" FOREIGN KEY ("recommendationId") REFERENCES "Recommendation" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "RecommendationTextRevision_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Recommendation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "code" TEXT NOT NULL,
    "seminarId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "sourceStart" INTEGER,
    "sourceEnd" INTEGER,
    "sourceLineStart" INTEGER,
    "sourceLineEnd" INTEGER,
    "primaryThemeId" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "statusDate" DATETIME NOT NULL,
    "priority" TEXT NOT NULL DEFAULT 'MEDIUM',
    "targetDate" DATETIME,
    "archived" BOOLEAN NOT NULL DEFAULT false,
    "archivedAt" DATETIME,
    "archivedById" TEXT,
    "archivedReason" TEXT,
    "lastActivityAt" DATETIME NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Recommendation_seminarId_fkey" FOREIGN KEY ("seminarId") REFERENCES "Seminar" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Recommendation_primaryThemeId_fkey" FOREIGN KEY ("primaryThemeId") REFERENCES "Theme" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Recommendation_archivedById_fkey" FOREIGN KEY ("archivedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Recommendation" ("archived", "code", "createdAt", "id", "lastActivityAt", "position", "primaryThemeId", "priority", "seminarId", "sourceEnd", "sourceLineEnd", "sourceLineStart", "sourceStart", "status", "statusDate", "targetDate", "text", "title", "updatedAt", "version") SELECT "archived", "code", "createdAt", "id", "lastActivityAt", "position", "primaryThemeId", "priority", "seminarId", "sourceEnd", "sourceLineEnd", "sourceLineStart", "sourceStart", "status", "statusDate", "targetDate", "text", "title", "updatedAt", "version" FROM "Recommendation";
DROP TABLE "Recommendation";
ALTER TABLE "new_Recommendation" RENAME TO "Recommendation";
CREATE UNIQUE INDEX "Recommendation_code_key" ON "Recommendation"("code");
CREATE INDEX "Recommendation_seminarId_position_idx" ON "Recommendation"("seminarId", "position");
CREATE INDEX "Recommendation_primaryThemeId_id_idx" ON "Recommendation"("primaryThemeId", "id");
CREATE INDEX "Recommendation_status_id_idx" ON "Recommendation"("status", "id");
CREATE INDEX "Recommendation_lastActivityAt_idx" ON "Recommendation"("lastActivityAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "RecommendationTextRevision_recommendationId_recordedAt_idx" ON "RecommendationTextRevision"("recommendationId", "recordedAt");

-- The search index's triggers on "Recommendation", as 20261124203000_search_index created them.
CREATE TRIGGER "Recommendation_search_insert" AFTER INSERT ON "Recommendation" BEGIN
    INSERT INTO "SearchText" ("recommendationId", "field", "body")
        VALUES (new."id", 'code', new."code"), (new."id", 'title', new."title"), (new."id", 'text', new."text");
END;
CREATE TRIGGER "Recommendation_search_update" AFTER UPDATE OF "code", "title", "text" ON "Recommendation"
WHEN old."code" IS NOT new."code" OR old."title" IS NOT new."title" OR old."text" IS NOT new."text" BEGIN
    UPDATE "SearchText" SET "body" = new."code" WHERE "recommendationId" = new."id" AND "field" = 'code' AND "body" IS NOT new."code";
    UPDATE "SearchText" SET "body" = new."title" WHERE "recommendationId" = new."id" AND "field" = 'title' AND "body" IS NOT new."title";
    UPDATE "SearchText" SET "body" = new."text" WHERE "recommendationId" = new."id" AND "field" = 'text' AND "body" IS NOT new."text";
END;
CREATE TRIGGER "Recommendation_search_delete" AFTER DELETE ON "Recommendation" BEGIN
    DELETE FROM "SearchText" WHERE "recommendationId" = old."id";
END;
