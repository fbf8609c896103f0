/// The database schema as named, ordered migrations. A shipped migration is never edited:
/// changes come as new migrations appended to `migrations` (`Schema+Migrate.swift` applies them).
enum Schema {
    static let migrations: [Migration] = [
        .sql("1-initial", initial),
        .sql("2-outbound-pings", outboundPings),
        .sql("3-webmention", webmention),
        .sql("4-queue-due-indexes", queueDueIndexes),
        .sql("5-finished-webmentions-index", finishedWebmentionsIndex),
        .sql("6-post-occurrences", postOccurrences, rebuildsTables: true, postgres: postOccurrencesOnPostgres),
        .sql("7-archive-indexes", archiveIndexes),
        .sql("8-trackback-targets", trackbackTargets),
        .sql("9-spam-rules", spamRules, postgres: spamRulesOnPostgres),
        .sql("10-console", console),
        .sql("11-mt-entry-ids", movableTypeEntryIDs),
        .sql("12-queue-leases", queueLeases),
        .sql("13-received-ping-sources", receivedPingSources),
        .sql("14-change-counter", changeCounter, postgres: changeCounterOnPostgres),
        .sql("15-ping-counts", pingCounts, postgres: pingCountsOnPostgres),
        .sql("16-console-login-failures", consoleLoginFailures),
    ]

    // Principles: every imported row keeps its origin (site, source id); times are the local
    // text as written plus UTC; pings are comments with a kind; every URL a post was reachable
    // at is a row in post_urls; unknown export elements are kept verbatim.
    private static let initial = """
    CREATE TABLE sites (
        id INTEGER PRIMARY KEY,
        source_key TEXT NOT NULL UNIQUE,
        format TEXT NOT NULL,
        title TEXT NOT NULL DEFAULT '',
        link TEXT NOT NULL DEFAULT '',
        description TEXT NOT NULL DEFAULT '',
        language TEXT NOT NULL DEFAULT '',
        base_site_url TEXT NOT NULL DEFAULT '',
        base_blog_url TEXT NOT NULL DEFAULT '',
        wxr_version TEXT NOT NULL DEFAULT '',
        generator TEXT NOT NULL DEFAULT '',
        pub_date TEXT NOT NULL DEFAULT '',
        time_zone TEXT NOT NULL DEFAULT 'UTC',
        content_hash TEXT NOT NULL DEFAULT ''
    );
    CREATE TABLE site_extras (
        site_id INTEGER NOT NULL REFERENCES sites(id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        xml TEXT NOT NULL,
        PRIMARY KEY (site_id, seq)

    );
    CREATE TABLE authors (
        id INTEGER PRIMARY KEY,
        site_id INTEGER NOT NULL REFERENCES sites(id) ON DELETE CASCADE,
        source_id INTEGER,
        login TEXT NOT NULL,
        email TEXT NOT NULL DEFAULT '',
        display_name TEXT NOT NULL DEFAULT '',
        first_name TEXT NOT NULL DEFAULT '',
        last_name TEXT NOT NULL DEFAULT '',
        declared INTEGER NOT NULL DEFAULT 1,
        seq INTEGER NOT NULL DEFAULT 0,
        content_hash TEXT NOT NULL DEFAULT '',
        UNIQUE (site_id, login)
    );
    CREATE TABLE terms (
        id INTEGER PRIMARY KEY,
        site_id INTEGER NOT NULL REFERENCES sites(id) ON DELETE CASCADE,
        source_id INTEGER,
        taxonomy TEXT NOT NULL,
        slug TEXT NOT NULL,
        name TEXT NOT NULL DEFAULT '',
        parent_slug TEXT NOT NULL DEFAULT '',
        description TEXT NOT NULL DEFAULT '',
        declared INTEGER NOT NULL DEFAULT 1,
        seq INTEGER NOT NULL DEFAULT 0,
        content_hash TEXT NOT NULL DEFAULT '',
        UNIQUE (site_id, taxonomy, slug)
    );
    CREATE TABLE term_meta (
        term_id INTEGER NOT NULL REFERENCES terms(id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        key TEXT NOT NULL,
        value TEXT NOT NULL,
        PRIMARY KEY (term_id, seq)

    );
    CREATE TABLE posts (
        id INTEGER PRIMARY KEY,
        site_id INTEGER NOT NULL REFERENCES sites(id) ON DELETE CASCADE,
        source_id TEXT NOT NULL,
        seq INTEGER NOT NULL DEFAULT 0,
        post_type TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT '',
        title TEXT NOT NULL DEFAULT '',
        link TEXT NOT NULL DEFAULT '',
        pub_date TEXT NOT NULL DEFAULT '',
        creator TEXT NOT NULL DEFAULT '',
        guid TEXT NOT NULL DEFAULT '',
        guid_is_permalink INTEGER NOT NULL DEFAULT 0,
        description TEXT NOT NULL DEFAULT '',
        content TEXT NOT NULL DEFAULT '',
        excerpt TEXT NOT NULL DEFAULT '',
        post_date TEXT NOT NULL DEFAULT '',
        post_date_gmt TEXT NOT NULL DEFAULT '',
        modified TEXT NOT NULL DEFAULT '',
        modified_gmt TEXT NOT NULL DEFAULT '',
        comment_status TEXT NOT NULL DEFAULT 'open',
        ping_status TEXT NOT NULL DEFAULT 'open',
        slug TEXT NOT NULL DEFAULT '',
        parent_source_id TEXT NOT NULL DEFAULT '0',
        menu_order INTEGER NOT NULL DEFAULT 0,
        password TEXT NOT NULL DEFAULT '',
        is_sticky INTEGER NOT NULL DEFAULT 0,
        attachment_url TEXT NOT NULL DEFAULT '',
        replaced_characters INTEGER NOT NULL DEFAULT 0,
        content_hash TEXT NOT NULL DEFAULT '',
        UNIQUE (site_id, source_id)
    );
    CREATE INDEX posts_by_type ON posts(site_id, post_type);
    CREATE INDEX posts_by_seq ON posts(site_id, seq);
    CREATE TABLE post_terms (
        post_id INTEGER NOT NULL REFERENCES posts(id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        taxonomy TEXT NOT NULL,
        slug TEXT NOT NULL,
        name TEXT NOT NULL DEFAULT '',
        PRIMARY KEY (post_id, seq)

    );
    CREATE TABLE post_meta (
        post_id INTEGER NOT NULL REFERENCES posts(id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        key TEXT NOT NULL,
        value TEXT NOT NULL,
        PRIMARY KEY (post_id, seq)

    );
    CREATE TABLE post_source_fields (
        post_id INTEGER NOT NULL REFERENCES posts(id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        key TEXT NOT NULL,
        value TEXT NOT NULL,
        PRIMARY KEY (post_id, seq)

    );
    CREATE TABLE post_extras (
        post_id INTEGER NOT NULL REFERENCES posts(id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        xml TEXT NOT NULL,
        PRIMARY KEY (post_id, seq)

    );
    CREATE TABLE post_urls (
        url_key TEXT NOT NULL,
        post_id INTEGER NOT NULL REFERENCES posts(id) ON DELETE CASCADE,
        url TEXT NOT NULL,
        kind TEXT NOT NULL,
        seq INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (url_key, post_id)

    );
    CREATE INDEX post_urls_by_post ON post_urls(post_id);
    CREATE TABLE comments (
        id INTEGER PRIMARY KEY,
        post_id INTEGER NOT NULL REFERENCES posts(id) ON DELETE CASCADE,
        source_id TEXT,
        seq INTEGER NOT NULL DEFAULT 0,
        kind TEXT NOT NULL,
        comment_type TEXT NOT NULL DEFAULT '',
        author TEXT NOT NULL DEFAULT '',
        author_email TEXT NOT NULL DEFAULT '',
        author_url TEXT NOT NULL DEFAULT '',
        author_ip TEXT NOT NULL DEFAULT '',
        date TEXT NOT NULL DEFAULT '',
        date_gmt TEXT NOT NULL DEFAULT '',
        content TEXT NOT NULL DEFAULT '',
        approved TEXT NOT NULL DEFAULT '1',
        status TEXT NOT NULL,
        parent_source_id TEXT NOT NULL DEFAULT '0',
        user_id INTEGER NOT NULL DEFAULT 0,
        source_title TEXT NOT NULL DEFAULT '',
        blog_name TEXT NOT NULL DEFAULT '',
        origin TEXT NOT NULL DEFAULT 'import',
        received_via TEXT NOT NULL DEFAULT '',
        verification TEXT NOT NULL DEFAULT '',
        content_hash TEXT NOT NULL DEFAULT '',
        -- When the gateway received it; empty for imported rows, so an import is reproducible.
        created_at TEXT NOT NULL DEFAULT ''
    );
    CREATE UNIQUE INDEX comments_by_source ON comments(post_id, source_id) WHERE source_id IS NOT NULL;
    CREATE INDEX comments_by_post ON comments(post_id, kind, status);
    CREATE INDEX comments_by_author_url ON comments(post_id, author_url);
    CREATE TABLE comment_meta (
        comment_id INTEGER NOT NULL REFERENCES comments(id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        key TEXT NOT NULL,
        value TEXT NOT NULL,
        PRIMARY KEY (comment_id, seq)

    );
    CREATE TABLE verification_queue (
        comment_id INTEGER PRIMARY KEY REFERENCES comments(id) ON DELETE CASCADE,
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%S', 'now')),
        last_error TEXT NOT NULL DEFAULT ''
    );
    CREATE TABLE notification_queue (
        id INTEGER PRIMARY KEY,
        comment_id INTEGER NOT NULL REFERENCES comments(id) ON DELETE CASCADE,
        payload TEXT NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%S', 'now'))
    );
    """

    // Webmention requests are kept apart from comments: a request that fails verification must
    // leave no comment behind (W3C Webmention §3.2.2), yet its status page must still say why.
    // The table is also the request queue, like verification_queue is for trackbacks.
    private static let webmention = """
    CREATE TABLE webmention_requests (
        id INTEGER PRIMARY KEY,
        token TEXT NOT NULL UNIQUE,
        source TEXT NOT NULL,
        target TEXT NOT NULL,
        post_id INTEGER NOT NULL REFERENCES posts(id) ON DELETE CASCADE,
        author_ip TEXT NOT NULL DEFAULT '',
        -- queued, accepted, refused or deleted
        state TEXT NOT NULL DEFAULT 'queued',
        reason TEXT NOT NULL DEFAULT '',
        comment_id INTEGER REFERENCES comments(id) ON DELETE SET NULL,
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%S', 'now')),
        created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%S', 'now')),
        updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%S', 'now'))
    );
    CREATE INDEX webmention_requests_due ON webmention_requests(next_attempt_at) WHERE state = 'queued';
    CREATE INDEX webmention_requests_by_comment ON webmention_requests(comment_id);
    """

    // Pings this database's posts sent (`trackway ping --post`): one row per post and target, the
    // latest attempt. `pinged` plays WordPress's `pinged` list: a target the receiver took (or
    // already had) is not pinged again.
    // The workers ask for the next due items many times a second; without these indexes each ask
    // read and sorted the whole queue (tens of thousands of rows after a burst of pings).
    private static let queueDueIndexes = """
    CREATE INDEX verification_queue_due ON verification_queue(next_attempt_at, comment_id);
    CREATE INDEX notification_queue_due ON notification_queue(next_attempt_at, id);
    """

    // Finished webmention requests are forgotten after a while (`forgetFinishedWebmentions`);
    // this index finds the old ones without reading the table.
    private static let finishedWebmentionsIndex = """
    CREATE INDEX webmention_requests_finished ON webmention_requests(updated_at) WHERE state <> 'queued';
    """

    // Items of one export may share a post id (WordPress's theme unit test data has menu items in
    // two menus under one id), and each is kept: a post is its source id and its place among the
    // items sharing it (0 for the first). SQLite cannot drop a UNIQUE constraint, so the table is
    // rebuilt with its rows and ids as they were.
    private static let postOccurrences = """
    CREATE TABLE posts_with_occurrences (
        id INTEGER PRIMARY KEY,
        site_id INTEGER NOT NULL REFERENCES sites(id) ON DELETE CASCADE,
        source_id TEXT NOT NULL,
        occurrence INTEGER NOT NULL DEFAULT 0,
        seq INTEGER NOT NULL DEFAULT 0,
        post_type TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT '',
        title TEXT NOT NULL DEFAULT '',
        link TEXT NOT NULL DEFAULT '',
        pub_date TEXT NOT NULL DEFAULT '',
        creator TEXT NOT NULL DEFAULT '',
        guid TEXT NOT NULL DEFAULT '',
        guid_is_permalink INTEGER NOT NULL DEFAULT 0,
        description TEXT NOT NULL DEFAULT '',
        content TEXT NOT NULL DEFAULT '',
        excerpt TEXT NOT NULL DEFAULT '',
        post_date TEXT NOT NULL DEFAULT '',
        post_date_gmt TEXT NOT NULL DEFAULT '',
        modified TEXT NOT NULL DEFAULT '',
        modified_gmt TEXT NOT NULL DEFAULT '',
        comment_status TEXT NOT NULL DEFAULT 'open',
        ping_status TEXT NOT NULL DEFAULT 'open',
        slug TEXT NOT NULL DEFAULT '',
        parent_source_id TEXT NOT NULL DEFAULT '0',
        menu_order INTEGER NOT NULL DEFAULT 0,
        password TEXT NOT NULL DEFAULT '',
        is_sticky INTEGER NOT NULL DEFAULT 0,
        attachment_url TEXT NOT NULL DEFAULT '',
        replaced_characters INTEGER NOT NULL DEFAULT 0,
        content_hash TEXT NOT NULL DEFAULT '',
        UNIQUE (site_id, source_id, occurrence)
    );
    INSERT INTO posts_with_occurrences (
        id, site_id, source_id, seq, post_type, status, title, link, pub_date, creator, guid,
        guid_is_permalink, description, content, excerpt, post_date, post_date_gmt, modified,
        modified_gmt, comment_status, ping_status, slug, parent_source_id, menu_order, password,
        is_sticky, attachment_url, replaced_characters, content_hash
    )
    SELECT
        id, site_id, source_id, seq, post_type, status, title, link, pub_date, creator, guid,
        guid_is_permalink, description, content, excerpt, post_date, post_date_gmt, modified,
        modified_gmt, comment_status, ping_status, slug, parent_source_id, menu_order, password,
        is_sticky, attachment_url, replaced_characters, content_hash
    FROM posts;
    DROP TABLE posts;
    ALTER TABLE posts_with_occurrences RENAME TO posts;
    CREATE INDEX posts_by_type ON posts(site_id, post_type);
    CREATE INDEX posts_by_seq ON posts(site_id, seq);
    """

    // PostgreSQL drops a constraint in place: the column is added, the unique key replaced.
    private static let postOccurrencesOnPostgres = """
    ALTER TABLE posts ADD COLUMN occurrence BIGINT NOT NULL DEFAULT 0;
    ALTER TABLE posts DROP CONSTRAINT posts_site_id_source_id_key;
    ALTER TABLE posts ADD CONSTRAINT posts_site_id_source_id_occurrence_key UNIQUE (site_id, source_id, occurrence);
    """

    // The archive pages list a site's published posts newest first, a page at a time, and show
    // a post's comments as threads: without these, each listing sorted every post of the site,
    // and each level of a thread read all the post's comments. Only replies are in the second
    // index, so a received ping (never a reply) does not write to it.
    private static let archiveIndexes = """
    CREATE INDEX posts_listing ON posts(site_id, post_type, status, post_date);
    CREATE INDEX comments_replies ON comments(post_id, parent_source_id) WHERE parent_source_id <> '0';
    """

    // Movable Type's TrackBack ping targets (`mt_trackback` rows of a backup): `mt-tb.cgi/<id>`
    // names one, and its id is neither the entry's id nor anything else a post row holds. A
    // target is a post's or a category's (category_slug, with post_id NULL). MT's ids are unique
    // per installation, so one site's are unique; the gateway finds a bare id through the index.
    private static let trackbackTargets = """
    CREATE TABLE trackback_targets (
        site_id INTEGER NOT NULL REFERENCES sites(id) ON DELETE CASCADE,
        trackback_id INTEGER NOT NULL,
        post_id INTEGER REFERENCES posts(id) ON DELETE CASCADE,
        category_slug TEXT NOT NULL DEFAULT '',
        category_name TEXT NOT NULL DEFAULT '',
        is_disabled INTEGER NOT NULL DEFAULT 0,
        passphrase TEXT NOT NULL DEFAULT '',
        title TEXT NOT NULL DEFAULT '',
        url TEXT NOT NULL DEFAULT '',
        description TEXT NOT NULL DEFAULT '',
        PRIMARY KEY (site_id, trackback_id)
    );
    CREATE INDEX trackback_targets_by_id ON trackback_targets(trackback_id);
    CREATE INDEX trackback_targets_by_post ON trackback_targets(post_id);
    """

    // A Movable Type backup names an entry by its `entry.id` in every row that comes after it
    // (comments, placements, tags, fileinfo, TrackBack targets), and a post keeps that id as its
    // `ENTRY ID` source field: the importer finds the post through this index when its own map
    // of the entries it inserted cannot answer (a site an earlier import made, or past the map's
    // 2^18 entries: `SiteImportState`). Only those fields are indexed, with their key and post, so
    // that the lookup reads the index alone (SQLite 3.40 does not count a column the index's
    // WHERE fixes as one it holds).
    private static let movableTypeEntryIDs = """
    CREATE INDEX post_source_fields_mt_entry_id ON post_source_fields(value, key, post_id) WHERE key = 'ENTRY ID';
    """

    private static let outboundPings = """
    CREATE TABLE outbound_pings (
        post_id INTEGER NOT NULL REFERENCES posts(id) ON DELETE CASCADE,
        target_url TEXT NOT NULL,
        protocol TEXT NOT NULL DEFAULT '',
        endpoint TEXT NOT NULL DEFAULT '',
        outcome TEXT NOT NULL,
        message TEXT NOT NULL DEFAULT '',
        pinged INTEGER NOT NULL DEFAULT 0,
        sent_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%S', 'now')),
        PRIMARY KEY (post_id, target_url)
    );
    """
}
