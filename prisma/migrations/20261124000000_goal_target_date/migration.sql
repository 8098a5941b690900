-- CreateIndex
CREATE INDEX "Goal_targetDate_planId_idx" ON "Goal"("targetDate", "planId");

