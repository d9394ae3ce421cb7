-- AlterTable
ALTER TABLE "Recommendation" ADD COLUMN     "archivedAt" TIMESTAMP(3),
ADD COLUMN     "archivedById" TEXT,
ADD COLUMN     "archivedReason" TEXT,
ALTER COLUMN "sourceStart" DROP NOT NULL,
ALTER COLUMN "sourceEnd" DROP NOT NULL,
ALTER COLUMN "sourceLineStart" DROP NOT NULL,
ALTER COLUMN "sourceLineEnd" DROP NOT NULL;

-- CreateTable
CREATE TABLE "RecommendationTextRevision" (
    "id" TEXT NOT NULL,
    "recommendationId" TEXT NOT NULL,
    "fromTitle" TEXT NOT NULL,
    "toTitle" TEXT NOT NULL,
    "fromText" TEXT NOT NULL,
    "toText" TEXT NOT NULL,
    "reason" TEXT,
    "authorId" TEXT,
    "recordedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RecommendationTextRevision_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "RecommendationTextRevision_recommendationId_recordedAt_idx" ON "RecommendationTextRevision"("recommendationId", "recordedAt");

-- AddForeignKey
ALTER TABLE "Recommendation" ADD CONSTRAINT "Recommendation_archivedById_fkey" FOREIGN KEY ("archivedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RecommendationTextRevision" ADD CONSTRAINT "RecommendationTextRevision_recommendationId_fkey" FOREIGN KEY ("recommendationId") REFERENCES "Recommendation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RecommendationTextRevision" ADD CONSTRAINT "RecommendationTextRevision_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
