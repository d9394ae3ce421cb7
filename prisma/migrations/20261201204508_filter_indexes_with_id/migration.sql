-- DropIndex
DROP INDEX "Recommendation_status_idx";

-- DropIndex
DROP INDEX "Recommendation_primaryThemeId_idx";

-- CreateIndex
CREATE INDEX "Recommendation_primaryThemeId_id_idx" ON "Recommendation"("primaryThemeId", "id");

-- CreateIndex
CREATE INDEX "Recommendation_status_id_idx" ON "Recommendation"("status", "id");
