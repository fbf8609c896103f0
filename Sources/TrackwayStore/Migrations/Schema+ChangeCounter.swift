extension Schema {
    /// The tables the archive pages, the feeds and the read API show: a commit that writes one of
    /// them may change a page.
    static let tablesThePagesShow = [
        "sites", "authors", "terms", "posts", "post_terms", "post_urls", "post_source_fields", "comments", "trackback_targets",
    ]

    // The gateway's caches keep pages while nothing was committed. SQLite tells any connection
    // so (PRAGMA data_version); its store_changes stays empty, there for both engines to have
    // the same tables. On PostgreSQL every node must see every
    // node's commits: a trigger on the tables the pages show adds one, once a transaction, to
    // the row of the session (backend) that commits, and the caches read the sum. A row per
    // session means concurrent writers never wait for each other's row (a single counter row
    // would make every commit of every node wait for the one before it, and could deadlock with
    // the unique index on received pings); the sum only grows, and a commit shows in it exactly
    // when its rows become visible.
    static let changeCounter = """
    CREATE TABLE store_changes (backend INTEGER PRIMARY KEY, version INTEGER NOT NULL);
    """

    static let changeCounterOnPostgres = """
    CREATE TABLE store_changes (backend BIGINT PRIMARY KEY, version BIGINT NOT NULL);
    CREATE FUNCTION trackway_note_change() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF current_setting('trackway.changed', true) IS DISTINCT FROM '1' THEN
            INSERT INTO store_changes(backend, version) VALUES (pg_backend_pid(), 1)
                ON CONFLICT (backend) DO UPDATE SET version = store_changes.version + 1;
            PERFORM set_config('trackway.changed', '1', true);
        END IF;
        RETURN NULL;
    END $$;
    """ + tablesThePagesShow.map { table in
        """

        CREATE TRIGGER \(table)_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON \(table)
            FOR EACH STATEMENT EXECUTE FUNCTION trackway_note_change();
        """
    }.joined()
}
