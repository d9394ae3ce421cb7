-- DropIndex
DROP INDEX "EvidenceNote_recommendationId_evidenceDate_idx";

-- DropIndex
DROP INDEX "StatusChange_recommendationId_effectiveDate_recordedAt_id_idx";

-- CreateIndex
CREATE INDEX "EvidenceNote_recommendationId_evidenceDate_createdAt_delete_idx" ON "EvidenceNote"("recommendationId", "evidenceDate", "createdAt", "deletedAt");

-- CreateIndex
CREATE INDEX "StatusChange_recommendationId_effectiveDate_recordedAt_id_t_idx" ON "StatusChange"("recommendationId", "effectiveDate", "recordedAt", "id", "toStatus");
