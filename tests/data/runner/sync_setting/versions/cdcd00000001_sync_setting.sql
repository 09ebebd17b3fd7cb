-- revision: cdcd00000001
-- down_revision:
-- message: tells how the step's commit is synced (RunSettings)

-- +upgrade
DO $$
BEGIN
    RAISE NOTICE 'synchronous_commit=%', current_setting('synchronous_commit');
END
$$;

-- +downgrade
DO $$
BEGIN
    RAISE NOTICE 'synchronous_commit=%', current_setting('synchronous_commit');
END
$$;
