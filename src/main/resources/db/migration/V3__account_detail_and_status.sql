-- What the provider says the account is, such as "Dropbox (ann@example.com)", and whether it must be
-- linked again because its credentials stopped working ('relink'), NULL while it works.
ALTER TABLE storage_accounts ADD COLUMN detail TEXT;
ALTER TABLE storage_accounts ADD COLUMN status TEXT;
