/// The console's one stylesheet: plain, light, readable; no web fonts, no images.
enum ConsoleStylesheet {
    static let css = """
    body{margin:0;font:15px/1.45 system-ui,sans-serif;color:#1d2327;background:#f6f7f7}
    .bar{display:flex;align-items:center;justify-content:space-between;padding:.4em 1em;background:#fff;border-bottom:1px solid #dcdcde}
    .brand{margin:0;font-weight:600}
    .bar nav{display:flex;gap:1em;align-items:center}
    .bar form{margin:0}
    main{padding:0 1em 2em;max-width:80em}
    h1{font-size:1.4em;font-weight:500}
    a{color:#2271b1}
    #notice{background:#fff;border-left:4px solid #00a32a;padding:.5em .8em}
    #error{background:#fff;border-left:4px solid #d63638;padding:.5em .8em}
    #views a{margin-right:.8em;text-decoration:none}
    #views a[aria-current]{font-weight:600;color:#1d2327}
    .count{color:#646970}
    #filters,.empty,.bulk-bar{margin:.8em 0;display:flex;flex-wrap:wrap;gap:.6em;align-items:center}
    button,select,input,textarea{font:inherit}
    table{border-collapse:collapse;width:100%;background:#fff}
    th,td{text-align:left;vertical-align:top;padding:.5em;border-bottom:1px solid #dcdcde}
    th{font-weight:600}
    tr[data-status=pending]{background:#fcf9e8}
    .kind{font-size:.8em;text-transform:uppercase;color:#646970}
    .excerpt{color:#3c434a;max-height:9em;overflow:auto;overflow-wrap:anywhere}
    .excerpt p{margin:.3em 0}
    .row-action{font-size:.85em;margin:.3em .3em 0 0}
    .pending-count{background:#dba617;color:#fff;border-radius:1em;padding:0 .5em;font-size:.8em}
    .ip,time,.rule{color:#646970;font-size:.9em}
    time{white-space:nowrap}
    #pages{margin:1em 0}
    textarea{width:100%;max-width:40em}
    """
}
