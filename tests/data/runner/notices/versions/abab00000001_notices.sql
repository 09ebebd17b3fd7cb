-- revision: abab00000001
-- down_revision:
-- message: statements the server answers with notices

-- +upgrade
DROP TABLE IF EXISTS not_there;
DO $$
BEGIN
    RAISE WARNING 'rows to check: %', 42 USING HINT = 'look at them';
END
$$;

-- +downgrade
DROP TABLE IF EXISTS not_there;
