-- CreateIndex
CREATE INDEX "AuditLog_actorId_actorLabel_idx" ON "AuditLog"("actorId", "actorLabel");
