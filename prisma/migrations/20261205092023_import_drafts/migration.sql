-- CreateTable
CREATE TABLE "ImportDraft" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "status" TEXT NOT NULL DEFAULT 'DRAFT',
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdById" TEXT,
    "createdByName" TEXT NOT NULL,
    "updatedByName" TEXT NOT NULL,
    "sourceFileName" TEXT,
    "sourceFormat" TEXT NOT NULL,
    "sourceText" TEXT NOT NULL,
    "seminar" TEXT NOT NULL,
    "items" TEXT NOT NULL,
    "warnings" TEXT NOT NULL,
    "confirmedSeminarId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "ImportDraft_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "ImportDraft_status_updatedAt_idx" ON "ImportDraft"("status", "updatedAt");
