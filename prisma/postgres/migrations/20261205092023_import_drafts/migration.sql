-- CreateTable
CREATE TABLE "ImportDraft" (
    "id" TEXT NOT NULL,
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
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ImportDraft_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ImportDraft_status_updatedAt_idx" ON "ImportDraft"("status", "updatedAt");

-- AddForeignKey
ALTER TABLE "ImportDraft" ADD CONSTRAINT "ImportDraft_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
