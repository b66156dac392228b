-- Optional cap on a tenant's live connections across all nodes (null: no cap).
alter table tenants add column max_connections integer check (max_connections is null or max_connections > 0);
