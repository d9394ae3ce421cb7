-- CreateTable
CREATE TABLE "ProgressTally" (
    "themeId" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "quarter" INTEGER NOT NULL,
    "moves" INTEGER NOT NULL,

    PRIMARY KEY ("themeId", "status", "quarter")
);

-- CreateTable
CREATE TABLE "SectorProgressTally" (
    "sectorId" TEXT NOT NULL,
    "themeId" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "quarter" INTEGER NOT NULL,
    "moves" INTEGER NOT NULL,

    PRIMARY KEY ("sectorId", "themeId", "status", "quarter")
);

-- CreateIndex
CREATE INDEX "EvidenceNote_createdAt_idx" ON "EvidenceNote"("createdAt");

-- CreateIndex
CREATE INDEX "StatusChange_recordedAt_idx" ON "StatusChange"("recordedAt");
