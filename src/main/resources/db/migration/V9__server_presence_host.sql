-- The host a server runs on, so that a server whose process is gone from this host is known to be gone at once,
-- even when its shutdown could not withdraw it (the embedded database already closed by its own exit hook).
alter table server_presence add column host varchar(255);
