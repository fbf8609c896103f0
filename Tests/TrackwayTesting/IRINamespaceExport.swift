/// A WXR whose namespace names are IRIs (non-ASCII), which libxml2 only warns about: declared on
/// its channel (line 3) and on an item (line 8), as WordPress's importer test file
/// namespace-edge-cases.xml does. Read by the reader's tests and by the command-line tests.
public enum IRINamespaceExport {
    public static let channelIRI = "http://ëxämplë.com/ünïcödë/"
    public static let itemIRI = "http://ëxämplë.com/ïtëm/"

    /// A WXR declaring IRI namespace names on its channel (line 3) and on an item (line 8).
    public static let document = """
        <?xml version="1.0" encoding="UTF-8" ?>
        <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wp="http://wordpress.org/export/1.2/">
        <channel xmlns:u="\(channelIRI)">
        <title>Unicode namespaces</title>
        <wp:wxr_version>1.2</wp:wxr_version>
        <wp:base_blog_url>http://example.org</wp:base_blog_url>
        <u:theme>dark</u:theme>
        <item xmlns:v="\(itemIRI)">
        <title>Unicode Namespace</title>
        <wp:post_id>4</wp:post_id>
        <v:custom_field>test</v:custom_field>
        <u:note>from the channel's namespace</u:note>
        <wp:post_type>post</wp:post_type>
        <content:encoded><![CDATA[Unicode namespace URI test]]></content:encoded>
        </item>
        <item><title>After</title><wp:post_id>5</wp:post_id><wp:post_type>post</wp:post_type></item>
        </channel>
        </rss>
        """
}
