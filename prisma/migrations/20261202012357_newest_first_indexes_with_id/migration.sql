-- DropIndex
DROP INDEX "AuditLog_action_createdAt_idx";

-- DropIndex
DROP INDEX "AuditLog_actorId_createdAt_idx";

-- DropIndex
DROP INDEX "AuditLog_createdAt_idx";

-- DropIndex
DROP INDEX "EvidenceNote_createdAt_idx";

-- DropIndex
DROP INDEX "StatusChange_recordedAt_idx";

-- CreateIndex
CREATE INDEX "AuditLog_createdAt_id_idx" ON "AuditLog"("createdAt", "id");

-- CreateIndex
CREATE INDEX "AuditLog_actorId_createdAt_id_idx" ON "AuditLog"("actorId", "createdAt", "id");

-- CreateIndex
CREATE INDEX "AuditLog_action_createdAt_id_idx" ON "AuditLog"("action", "createdAt", "id");

-- CreateIndex
CREATE INDEX "EvidenceNote_createdAt_id_idx" ON "EvidenceNote"("createdAt", "id");

-- CreateIndex
CREATE INDEX "StatusChange_recordedAt_id_idx" ON "StatusChange"("recordedAt", "id");
