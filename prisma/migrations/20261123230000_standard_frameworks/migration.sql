-- DropIndex
DROP INDEX "Standard_organizationId_code_key";

-- AlterTable
ALTER TABLE "Standard" ADD COLUMN     "caseId" TEXT,
ADD COLUMN     "frameworkId" TEXT,
ADD COLUMN     "gradeLevels" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "itemType" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "parentId" TEXT,
ADD COLUMN     "position" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "retiredAt" TIMESTAMP(3),
ADD COLUMN     "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- CreateTable
CREATE TABLE "StandardFramework" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "creator" TEXT NOT NULL DEFAULT '',
    "version" TEXT NOT NULL DEFAULT '',
    "subject" TEXT NOT NULL DEFAULT '',
    "adoptionStatus" TEXT NOT NULL DEFAULT '',
    "language" TEXT NOT NULL DEFAULT '',
    "lastImportedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StandardFramework_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "StandardFramework_organizationId_title_idx" ON "StandardFramework"("organizationId", "title");

-- CreateIndex
CREATE UNIQUE INDEX "StandardFramework_organizationId_caseId_key" ON "StandardFramework"("organizationId", "caseId");

-- CreateIndex
CREATE INDEX "Standard_organizationId_code_idx" ON "Standard"("organizationId", "code");

-- CreateIndex
CREATE INDEX "Standard_parentId_position_idx" ON "Standard"("parentId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "Standard_frameworkId_caseId_key" ON "Standard"("frameworkId", "caseId");

-- AddForeignKey
ALTER TABLE "StandardFramework" ADD CONSTRAINT "StandardFramework_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Standard" ADD CONSTRAINT "Standard_frameworkId_fkey" FOREIGN KEY ("frameworkId") REFERENCES "StandardFramework"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Standard" ADD CONSTRAINT "Standard_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Standard"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- A code is unique among an organization's locally written standards; imported items are
-- known by their CASE identifier, and a framework's domains often have no code at all.
CREATE UNIQUE INDEX "Standard_local_code_key" ON "Standard"("organizationId", "code") WHERE "frameworkId" IS NULL;
