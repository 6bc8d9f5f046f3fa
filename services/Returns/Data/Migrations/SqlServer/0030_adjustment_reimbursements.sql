-- Reimbursements are also owed for units an FC's count found lost or damaged: those have an adjustment, no return, inspection
-- or grade. The reason says which (a return's reimbursements written before this have none: their grade is the reason).
ALTER TABLE returns.reimbursements ALTER COLUMN return_id uniqueidentifier NULL;
ALTER TABLE returns.reimbursements ALTER COLUMN inspection_id uniqueidentifier NULL;
ALTER TABLE returns.reimbursements ALTER COLUMN grade nvarchar(30) NULL;
ALTER TABLE returns.reimbursements ADD
    adjustment_id  uniqueidentifier NULL,
    reason         nvarchar(30)     NULL;
