-- The recompute is scheduled by the platform's scheduled_jobs table (InventoryPlatform.Hosting.Jobs) now; its own
-- lease table is no longer used.
DROP TABLE limits.schedules;
