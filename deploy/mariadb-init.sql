-- diemcau: database and application user on MariaDB 10.11.
--   without containers:  mysql -h 127.0.0.1 -u root < deploy/mariadb-init.sql
--   with compose:        run once by the mariadb image from /docker-entrypoint-initdb.d
-- The password 'diemcau' is a demo value: for anything real run
--   ALTER USER 'diemcau'@'localhost' IDENTIFIED BY '…'; ALTER USER 'diemcau'@'127.0.0.1' IDENTIFIED BY '…';
-- and put the same value in DB_PASSWORD. Running the script again changes nothing.

CREATE DATABASE IF NOT EXISTS diemcau;
-- Vietnamese text must round-trip unchanged, and the compose image may have created the database first.
ALTER DATABASE diemcau CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- Local accounts only: in compose the image creates the network account from MARIADB_USER/MARIADB_PASSWORD.
-- Both host forms, because a server running with skip-name-resolve sees 127.0.0.1, not localhost.
CREATE USER IF NOT EXISTS 'diemcau'@'localhost' IDENTIFIED BY 'diemcau';
CREATE USER IF NOT EXISTS 'diemcau'@'127.0.0.1' IDENTIFIED BY 'diemcau';
-- Flyway creates and alters the tables at start-up, so the app owns its schema.
GRANT ALL PRIVILEGES ON diemcau.* TO 'diemcau'@'localhost';
GRANT ALL PRIVILEGES ON diemcau.* TO 'diemcau'@'127.0.0.1';
