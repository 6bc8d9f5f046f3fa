-- Reimbursements are also owed for units an FC's count found lost or damaged: those have an adjustment, no return, inspection
-- or grade. The reason says which (a return's reimbursements written before this have none: their grade is the reason).
ALTER TABLE returns.reimbursements ALTER COLUMN return_id DROP NOT NULL;
ALTER TABLE returns.reimbursements ALTER COLUMN inspection_id DROP NOT NULL;
ALTER TABLE returns.reimbursements ALTER COLUMN grade DROP NOT NULL;
ALTER TABLE returns.reimbursements
    ADD COLUMN adjustment_id  uuid         NULL,
    ADD COLUMN reason         varchar(30)  NULL;
