-- DropIndex
DROP INDEX "EvidenceNote_evidenceDate_idx";

-- DropIndex
DROP INDEX "StatusChange_effectiveDate_idx";

-- DropIndex
DROP INDEX "StatusChange_recommendationId_effectiveDate_recordedAt_idx";

-- CreateIndex
CREATE INDEX "EvidenceNote_evidenceDate_createdAt_deletedAt_recommendationId_idx" ON "EvidenceNote"("evidenceDate", "createdAt", "deletedAt", "recommendationId");

-- CreateIndex
CREATE INDEX "StatusChange_recommendationId_effectiveDate_recordedAt_id_idx" ON "StatusChange"("recommendationId", "effectiveDate", "recordedAt", "id");

-- CreateIndex
CREATE INDEX "StatusChange_effectiveDate_recordedAt_fromStatus_recommendationId_idx" ON "StatusChange"("effectiveDate", "recordedAt", "fromStatus", "recommendationId");
