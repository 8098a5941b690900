-- Hand-written rows loaded after old-demo.sql (old, pre-district schema), for what the old
-- demo seed never made but real databases hold: a second school, a guardian linked
-- across schools, a mixed-case email, plan revisions with gaps in their versions, a plan
-- without goals, a goal without a target date, activities, acknowledgments, audit events,
-- and notifications of every kind (one about a plan that no longer exists).
-- Ids start with x_ ; demo rows are found by email, name or title.

-- A second school, with a few of everything.
INSERT INTO "School" ("id", "name", "masteryRule", "createdAt") VALUES
('x_riverside', 'Riverside Middle School', 'HIGHEST', '2026-08-01 08:00:00');

INSERT INTO "Term" ("id", "schoolId", "name", "startsOn", "endsOn") VALUES
('x_rs_fall', 'x_riverside', 'Fall 2026', '2026-08-24', '2026-12-18'),
('x_rs_spring', 'x_riverside', 'Spring 2027', '2027-01-11', '2027-06-11');

INSERT INTO "User" ("id", "schoolId", "role", "email", "name", "passwordHash", "sessionVersion", "disabledAt", "lastSignInAt", "createdAt", "updatedAt") VALUES
('x_ada', 'x_riverside', 'ADMIN', 'ada.park@riverside.test', 'Ada Park', '$2b$10$riversideadminhashxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 3, NULL, '2026-11-01 09:30:00', '2026-08-01 08:00:00', '2026-11-01 09:30:00'),
('x_tomas', 'x_riverside', 'TEACHER', 'Tomas.Berg@Riverside.TEST', 'Tomás Berg', '$2b$10$riversideteacherhashxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 1, NULL, NULL, '2026-08-02 08:00:00', '2026-08-02 08:00:00'),
('x_ava', 'x_riverside', 'STUDENT', 'ava.lopez@riverside.test', 'Ava Lopez', '$2b$10$riversidestudenthashxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 1, NULL, NULL, '2026-08-03 08:00:00', '2026-08-03 08:00:00'),
('x_ben', 'x_riverside', 'STUDENT', 'ben.ito@riverside.test', 'Ben Ito', '$2b$10$riversidestudenthashxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 2, '2026-10-01 12:00:00', NULL, '2026-08-03 08:00:00', '2026-10-01 12:00:00'),
('x_rosa', 'x_riverside', 'GUARDIAN', 'rosa.lopez@family.test', 'Rosa Lopez', '$2b$10$riversideguardianhashxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 1, NULL, NULL, '2026-08-04 08:00:00', '2026-08-04 08:00:00');

INSERT INTO "StudentProfile" ("userId", "gradeLevel", "strengths", "needs", "interests", "learningPreferences", "updatedAt") VALUES
('x_ava', 6, 'Draws what she sees', 'Finishing long pieces', 'Comics', 'Hands-on projects', '2026-08-03 08:00:00');

-- Rosa is Ava's mother at Riverside, and (wrongly) linked to a Northbrook student too:
-- the upgrade removes that cross-school link and audits the removal.
INSERT INTO "GuardianLink" ("id", "guardianId", "studentId", "relationship", "createdAt") VALUES
('x_link_rosa_ava', 'x_rosa', 'x_ava', 'Mother', '2026-08-04 08:00:00'),
('x_link_cross', 'x_rosa', (SELECT "id" FROM "User" WHERE "email" = 'jonah.brooks@northbrook.test'), 'Aunt', '2026-09-10 10:00:00');

INSERT INTO "Class" ("id", "schoolId", "termId", "name", "subject", "gradeLevel", "createdAt") VALUES
('x_art', 'x_riverside', 'x_rs_fall', 'Grade 6 Art', 'ARTS', 6, '2026-08-05 08:00:00'),
('x_clubs', 'x_riverside', NULL, 'Lunchtime clubs', 'OTHER', NULL, '2026-08-05 08:00:00');

INSERT INTO "ClassTeacher" ("classId", "teacherId") VALUES
('x_art', 'x_tomas'),
('x_clubs', 'x_tomas'),
('x_clubs', 'x_ada');

INSERT INTO "Enrollment" ("id", "classId", "studentId", "createdAt") VALUES
('x_enr_ava_art', 'x_art', 'x_ava', '2026-08-06 08:00:00'),
('x_enr_ben_art', 'x_art', 'x_ben', '2026-08-06 08:00:00'),
('x_enr_ava_clubs', 'x_clubs', 'x_ava', '2026-08-06 08:00:00');

-- The same code as a Northbrook standard: codes are unique per organization only.
INSERT INTO "Standard" ("id", "schoolId", "framework", "code", "subject", "gradeBand", "description", "createdAt") VALUES
('x_std_art', 'x_riverside', 'Local', 'ART.6.1', 'ARTS', '6', 'Develop and refine artistic techniques and work for presentation.', '2026-08-05 08:00:00'),
('x_std_w71', 'x_riverside', 'Common Core', 'CCSS.ELA-LITERACY.W.7.1', 'ELA', NULL, 'Write arguments to support claims with clear reasons and relevant evidence.', '2026-08-05 08:00:00');

INSERT INTO "PlanTemplate" ("id", "schoolId", "createdById", "name", "type", "description", "goals", "createdAt", "updatedAt") VALUES
('x_tpl_art', 'x_riverside', 'x_tomas', 'Art portfolio', 'PERSONALIZED', '', '[]', '2026-08-07 08:00:00', '2026-08-07 08:00:00');

-- Ava's approved plan (two revisions before approval) and an empty draft.
INSERT INTO "Plan" ("id", "schoolId", "studentId", "createdById", "type", "status", "title", "summary", "startsOn", "endsOn", "version", "guardianAckRequired", "submittedAt", "approvedAt", "approvedById", "completedAt", "archivedAt", "createdAt", "updatedAt") VALUES
('x_plan_ava', 'x_riverside', 'x_ava', 'x_ava', 'PERSONALIZED', 'ACTIVE', 'Ava''s sketchbook: “my street”', 'Drawing the places I walk past, with a \backslash and a "quote".', '2026-09-01', '2027-01-31', 4, true, '2026-09-05 10:00:00', '2026-09-07 11:00:00', 'x_tomas', NULL, NULL, '2026-09-01 09:00:00', '2026-09-07 11:00:00'),
('x_plan_empty', 'x_riverside', 'x_ben', 'x_tomas', 'INDEPENDENT_STUDY', 'DRAFT', 'Not started yet', '', '2026-10-01', '2026-12-01', 1, false, NULL, NULL, NULL, NULL, NULL, '2026-09-20 09:00:00', '2026-09-21 09:00:00');

INSERT INTO "Goal" ("id", "planId", "position", "subject", "title", "successCriteria", "masteryDemonstration", "targetDate", "createdAt", "updatedAt") VALUES
('x_goal_ava_2', 'x_plan_ava', 1, 'ELA', 'Write about each drawing', 'One paragraph per drawing.', 'Captions in the sketchbook.', NULL, '2026-09-01 09:00:00', '2026-09-01 09:00:00'),
('x_goal_ava_1', 'x_plan_ava', 0, 'ARTS', 'Draw ten places on my street', 'Ten finished drawings in two techniques.', 'A sketchbook and a small show.', '2026-12-01', '2026-09-01 09:00:00', '2026-09-01 09:00:00');

INSERT INTO "GoalStandard" ("goalId", "standardId") VALUES
('x_goal_ava_1', 'x_std_art'),
('x_goal_ava_2', 'x_std_w71'),
('x_goal_ava_2', 'x_std_art');

INSERT INTO "Activity" ("id", "goalId", "position", "description", "setting", "resource", "createdAt") VALUES
('x_act_1', 'x_goal_ava_1', 0, 'Sketch on the walk home', 'COMMUNITY', 'Sketchbook', '2026-09-02 09:00:00'),
('x_act_2', 'x_goal_ava_1', 1, 'Ink the sketches', 'IN_SCHOOL', '', '2026-09-02 09:00:00');

INSERT INTO "Evidence" ("id", "planId", "studentId", "addedById", "kind", "title", "text", "url", "fileName", "fileType", "fileSize", "storageKey", "statement", "reflection", "createdAt") VALUES
('x_ev_ava', 'x_plan_ava', 'x_ava', 'x_ava', 'FILE', 'First three drawings', NULL, NULL, 'drawings.pdf', 'pdf', 123456, 'x-storage-key-1', NULL, 'Perspective is hard.', '2026-10-01 15:00:00'),
('x_ev_ava_xapi', 'x_plan_ava', 'x_ava', 'x_tomas', 'ACTIVITY_STATEMENT', 'Museum visit', NULL, NULL, NULL, NULL, NULL, NULL, '{"verb": {"id": "http://adlnet.gov/expapi/verbs/attended"}, "object": {"id": "urn:museum:visit"}}', '', '2026-10-02 15:00:00');

INSERT INTO "EvidenceGoal" ("evidenceId", "goalId") VALUES
('x_ev_ava', 'x_goal_ava_1'),
('x_ev_ava', 'x_goal_ava_2'),
('x_ev_ava_xapi', 'x_goal_ava_1');

INSERT INTO "Rating" ("id", "evidenceId", "goalId", "raterId", "level", "feedback", "createdAt") VALUES
('x_rating_1', 'x_ev_ava', 'x_goal_ava_1', 'x_tomas', 'DEVELOPING', 'Good start.', '2026-10-03 10:00:00'),
('x_rating_2', 'x_ev_ava', 'x_goal_ava_1', 'x_tomas', 'ADVANCED', 'Much better perspective.', '2026-10-20 10:00:00');

INSERT INTO "Comment" ("id", "planId", "goalId", "authorId", "body", "createdAt") VALUES
('x_comment_1', 'x_plan_ava', 'x_goal_ava_2', 'x_tomas', 'Try short captions first.', '2026-09-06 10:00:00'),
('x_comment_2', 'x_plan_ava', NULL, 'x_rosa', 'Lovely idea!', '2026-09-08 10:00:00');

INSERT INTO "PlanEvent" ("id", "planId", "actorId", "fromStatus", "toStatus", "note", "createdAt") VALUES
('x_pe_1', 'x_plan_ava', 'x_ava', NULL, 'DRAFT', 'Plan started', '2026-09-01 09:00:00'),
('x_pe_2', 'x_plan_ava', 'x_ava', 'DRAFT', 'SUBMITTED', '', '2026-09-05 10:00:00'),
('x_pe_3', 'x_plan_ava', 'x_tomas', 'SUBMITTED', 'IN_REVIEW', '', '2026-09-06 10:00:00'),
('x_pe_4', 'x_plan_ava', 'x_tomas', 'IN_REVIEW', 'ACTIVE', 'Approved.', '2026-09-07 11:00:00'),
('x_pe_5', 'x_plan_empty', 'x_tomas', NULL, 'DRAFT', '', '2026-09-20 09:00:00');

-- Revisions: versions with gaps (1, 2, 5) and one written by a teacher co-editing.
INSERT INTO "PlanRevision" ("id", "planId", "version", "editorId", "snapshot", "createdAt") VALUES
('x_rev_ava_1', 'x_plan_ava', 1, 'x_ava', '{"title": "Ava''s sketchbook", "type": "PERSONALIZED", "summary": "", "startsOn": "2026-09-01", "endsOn": "2027-01-31", "goals": []}', '2026-09-01 09:00:00'),
('x_rev_ava_2', 'x_plan_ava', 2, 'x_tomas', '{"title": "Ava''s sketchbook: “my street”", "type": "PERSONALIZED", "summary": "Drawing.", "startsOn": "2026-09-01", "endsOn": "2027-01-31", "goals": [{"title": "Draw ten places on my street"}]}', '2026-09-06 12:00:00'),
('x_rev_maya_5', (SELECT "id" FROM "Plan" WHERE "title" = 'Spring trip independent study'), 5, (SELECT "id" FROM "User" WHERE "email" = 'maya.chen@northbrook.test'), '{"title": "Spring trip independent study", "note": "version 5"}', '2026-11-02 09:00:00'),
('x_rev_maya_1', (SELECT "id" FROM "Plan" WHERE "title" = 'Spring trip independent study'), 1, (SELECT "id" FROM "User" WHERE "email" = 'maya.chen@northbrook.test'), '{"title": "Spring trip", "note": "version 1"}', '2026-10-14 09:00:00'),
('x_rev_maya_2', (SELECT "id" FROM "Plan" WHERE "title" = 'Spring trip independent study'), 2, (SELECT "id" FROM "User" WHERE "email" = 'linh.nguyen@northbrook.test'), '{"title": "Spring trip (independent study)", "note": "version 2"}', '2026-10-20 09:00:00');

INSERT INTO "GuardianAcknowledgment" ("id", "planId", "guardianId", "planVersion", "signedName", "createdAt") VALUES
('x_ack_rosa', 'x_plan_ava', 'x_rosa', 4, 'Rosa Lopez', '2026-09-08 09:00:00');

-- Notifications as the old app wrote them (lib/plans/commands.ts, lib/evidence/commands.ts).
INSERT INTO "Notification" ("id", "userId", "title", "body", "href", "readAt", "createdAt") VALUES
('x_n_submitted', (SELECT "id" FROM "User" WHERE "email" = 'linh.nguyen@northbrook.test'), 'Maya Chen submitted “Reading like a historian” for review', '', '/plans/' || (SELECT "id" FROM "Plan" WHERE "title" = 'Reading like a historian'), NULL, '2026-11-01 10:00:00'),
('x_n_status', (SELECT "id" FROM "User" WHERE "email" = 'maya.chen@northbrook.test'), '“Reading like a historian” is now changes requested', 'Please add detail.', '/plans/' || (SELECT "id" FROM "Plan" WHERE "title" = 'Reading like a historian'), '2026-11-02 08:00:00', '2026-11-01 11:00:00'),
('x_n_comment', (SELECT "id" FROM "User" WHERE "email" = 'maya.chen@northbrook.test'), 'Linh Nguyen commented on “Reading like a historian”', 'Which museum?', '/plans/' || (SELECT "id" FROM "Plan" WHERE "title" = 'Reading like a historian'), NULL, '2026-11-01 12:00:00'),
('x_n_evidence', 'x_tomas', 'Ava Lopez added evidence to “Ava''s sketchbook: “my street””', 'First three drawings', '/plans/x_plan_ava#goal-x_goal_ava_1', NULL, '2026-10-01 15:00:00'),
('x_n_rated', 'x_rosa', 'Tomás Berg rated “First three drawings”: Advanced', 'Much better perspective.', '/plans/x_plan_ava#goal-x_goal_ava_1', NULL, '2026-10-20 10:00:00'),
('x_n_query', 'x_ava', '“Ava''s sketchbook: “my street”” is now active', 'Approved.', '/plans/x_plan_ava?tab=goals', NULL, '2026-09-07 11:00:00'),
('x_n_gone', 'x_ava', 'Tomás Berg commented on “A plan since deleted”', '', '/plans/x_plan_deleted', NULL, '2026-09-01 10:00:00'),
('x_n_nohref', 'x_rosa', 'Welcome to Pathways', 'Follow Ava''s progress here.', NULL, NULL, '2026-08-04 08:00:00');

INSERT INTO "AuditEvent" ("id", "schoolId", "actorId", "action", "entityType", "entityId", "detail", "createdAt") VALUES
('x_audit_rs', 'x_riverside', 'x_tomas', 'rating.create', 'Evidence', 'x_ev_ava', '{"level": "ADVANCED"}', '2026-10-20 10:00:00'),
('x_audit_nb', (SELECT "id" FROM "School" WHERE "name" = 'Northbrook Community School'), (SELECT "id" FROM "User" WHERE "email" = 'admin@northbrook.test'), 'plan.archive', 'Plan', 'x_some_plan', NULL, '2026-11-01 10:00:00');
