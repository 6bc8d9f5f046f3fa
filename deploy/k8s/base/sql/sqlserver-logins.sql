-- One login and one database user per service and one for the gateway, each owning only its own schema.
-- Run by a sysadmin in the platform's database, before the first migration (the database-setup Job in
-- deploy/k8s, the db-setup service in deploy/compose, or by hand):
--   sqlcmd -S <server> -U <admin> -d inventory -b -C -i sqlserver-logins.sql
-- sqlcmd takes the $(…_DB_PASSWORD) variables from the environment (or -v NAME=value).
-- Re-running it is safe: it creates what is missing and resets the passwords.
--
-- A service's user owns its schema (so its migrations create and alter tables there, and it reads and
-- writes them) and holds CREATE TABLE / CREATE VIEW, which SQL Server only lets it use in schemas it owns.
-- It has no rights on any other schema and no database role.

-- receiving
IF SUSER_ID(N'inventory_receiving') IS NULL
    CREATE LOGIN [inventory_receiving] WITH PASSWORD = N'$(RECEIVING_DB_PASSWORD)', CHECK_POLICY = ON;
ELSE
    ALTER LOGIN [inventory_receiving] WITH PASSWORD = N'$(RECEIVING_DB_PASSWORD)';
IF DATABASE_PRINCIPAL_ID(N'inventory_receiving') IS NULL
    CREATE USER [inventory_receiving] FOR LOGIN [inventory_receiving] WITH DEFAULT_SCHEMA = [receiving];
IF SCHEMA_ID(N'receiving') IS NULL
    EXEC (N'CREATE SCHEMA [receiving] AUTHORIZATION [inventory_receiving]');
ALTER AUTHORIZATION ON SCHEMA::[receiving] TO [inventory_receiving];
GRANT CREATE TABLE, CREATE VIEW TO [inventory_receiving];
GO

-- allocation
IF SUSER_ID(N'inventory_allocation') IS NULL
    CREATE LOGIN [inventory_allocation] WITH PASSWORD = N'$(ALLOCATION_DB_PASSWORD)', CHECK_POLICY = ON;
ELSE
    ALTER LOGIN [inventory_allocation] WITH PASSWORD = N'$(ALLOCATION_DB_PASSWORD)';
IF DATABASE_PRINCIPAL_ID(N'inventory_allocation') IS NULL
    CREATE USER [inventory_allocation] FOR LOGIN [inventory_allocation] WITH DEFAULT_SCHEMA = [allocation];
IF SCHEMA_ID(N'allocation') IS NULL
    EXEC (N'CREATE SCHEMA [allocation] AUTHORIZATION [inventory_allocation]');
ALTER AUTHORIZATION ON SCHEMA::[allocation] TO [inventory_allocation];
GRANT CREATE TABLE, CREATE VIEW TO [inventory_allocation];
GO

-- forecasting
IF SUSER_ID(N'inventory_forecasting') IS NULL
    CREATE LOGIN [inventory_forecasting] WITH PASSWORD = N'$(FORECASTING_DB_PASSWORD)', CHECK_POLICY = ON;
ELSE
    ALTER LOGIN [inventory_forecasting] WITH PASSWORD = N'$(FORECASTING_DB_PASSWORD)';
IF DATABASE_PRINCIPAL_ID(N'inventory_forecasting') IS NULL
    CREATE USER [inventory_forecasting] FOR LOGIN [inventory_forecasting] WITH DEFAULT_SCHEMA = [forecasting];
IF SCHEMA_ID(N'forecasting') IS NULL
    EXEC (N'CREATE SCHEMA [forecasting] AUTHORIZATION [inventory_forecasting]');
ALTER AUTHORIZATION ON SCHEMA::[forecasting] TO [inventory_forecasting];
GRANT CREATE TABLE, CREATE VIEW TO [inventory_forecasting];
GO

-- returns
IF SUSER_ID(N'inventory_returns') IS NULL
    CREATE LOGIN [inventory_returns] WITH PASSWORD = N'$(RETURNS_DB_PASSWORD)', CHECK_POLICY = ON;
ELSE
    ALTER LOGIN [inventory_returns] WITH PASSWORD = N'$(RETURNS_DB_PASSWORD)';
IF DATABASE_PRINCIPAL_ID(N'inventory_returns') IS NULL
    CREATE USER [inventory_returns] FOR LOGIN [inventory_returns] WITH DEFAULT_SCHEMA = [returns];
IF SCHEMA_ID(N'returns') IS NULL
    EXEC (N'CREATE SCHEMA [returns] AUTHORIZATION [inventory_returns]');
ALTER AUTHORIZATION ON SCHEMA::[returns] TO [inventory_returns];
GRANT CREATE TABLE, CREATE VIEW TO [inventory_returns];
GO

-- liquidation
IF SUSER_ID(N'inventory_liquidation') IS NULL
    CREATE LOGIN [inventory_liquidation] WITH PASSWORD = N'$(LIQUIDATION_DB_PASSWORD)', CHECK_POLICY = ON;
ELSE
    ALTER LOGIN [inventory_liquidation] WITH PASSWORD = N'$(LIQUIDATION_DB_PASSWORD)';
IF DATABASE_PRINCIPAL_ID(N'inventory_liquidation') IS NULL
    CREATE USER [inventory_liquidation] FOR LOGIN [inventory_liquidation] WITH DEFAULT_SCHEMA = [liquidation];
IF SCHEMA_ID(N'liquidation') IS NULL
    EXEC (N'CREATE SCHEMA [liquidation] AUTHORIZATION [inventory_liquidation]');
ALTER AUTHORIZATION ON SCHEMA::[liquidation] TO [inventory_liquidation];
GRANT CREATE TABLE, CREATE VIEW TO [inventory_liquidation];
GO

-- limits
IF SUSER_ID(N'inventory_limits') IS NULL
    CREATE LOGIN [inventory_limits] WITH PASSWORD = N'$(LIMITS_DB_PASSWORD)', CHECK_POLICY = ON;
ELSE
    ALTER LOGIN [inventory_limits] WITH PASSWORD = N'$(LIMITS_DB_PASSWORD)';
IF DATABASE_PRINCIPAL_ID(N'inventory_limits') IS NULL
    CREATE USER [inventory_limits] FOR LOGIN [inventory_limits] WITH DEFAULT_SCHEMA = [limits];
IF SCHEMA_ID(N'limits') IS NULL
    EXEC (N'CREATE SCHEMA [limits] AUTHORIZATION [inventory_limits]');
ALTER AUTHORIZATION ON SCHEMA::[limits] TO [inventory_limits];
GRANT CREATE TABLE, CREATE VIEW TO [inventory_limits];
GO

-- notifications
IF SUSER_ID(N'inventory_notifications') IS NULL
    CREATE LOGIN [inventory_notifications] WITH PASSWORD = N'$(NOTIFICATIONS_DB_PASSWORD)', CHECK_POLICY = ON;
ELSE
    ALTER LOGIN [inventory_notifications] WITH PASSWORD = N'$(NOTIFICATIONS_DB_PASSWORD)';
IF DATABASE_PRINCIPAL_ID(N'inventory_notifications') IS NULL
    CREATE USER [inventory_notifications] FOR LOGIN [inventory_notifications] WITH DEFAULT_SCHEMA = [notifications];
IF SCHEMA_ID(N'notifications') IS NULL
    EXEC (N'CREATE SCHEMA [notifications] AUTHORIZATION [inventory_notifications]');
ALTER AUTHORIZATION ON SCHEMA::[notifications] TO [inventory_notifications];
GRANT CREATE TABLE, CREATE VIEW TO [inventory_notifications];
GO

-- gateway (its API keys)
IF SUSER_ID(N'inventory_gateway') IS NULL
    CREATE LOGIN [inventory_gateway] WITH PASSWORD = N'$(GATEWAY_DB_PASSWORD)', CHECK_POLICY = ON;
ELSE
    ALTER LOGIN [inventory_gateway] WITH PASSWORD = N'$(GATEWAY_DB_PASSWORD)';
IF DATABASE_PRINCIPAL_ID(N'inventory_gateway') IS NULL
    CREATE USER [inventory_gateway] FOR LOGIN [inventory_gateway] WITH DEFAULT_SCHEMA = [gateway];
IF SCHEMA_ID(N'gateway') IS NULL
    EXEC (N'CREATE SCHEMA [gateway] AUTHORIZATION [inventory_gateway]');
ALTER AUTHORIZATION ON SCHEMA::[gateway] TO [inventory_gateway];
GRANT CREATE TABLE, CREATE VIEW TO [inventory_gateway];
GO
