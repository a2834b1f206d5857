/** The pages' only stylesheet, inline so that one HTML file is a whole page. */
export const STYLE = `
body{font:1rem/1.55 Georgia,"Times New Roman",serif;color:#1b1b1b;background:#fff;margin:0 auto;max-width:58rem;padding:0 1rem 2rem}
header nav{display:flex;gap:1.5rem;justify-content:flex-end;padding:.75rem 0;border-bottom:1px solid #ccc;font-family:system-ui,sans-serif}
a{color:#0645ad}
a:focus{outline:2px solid #000;outline-offset:2px}
.skip{position:absolute;left:-999px}
.skip:focus{left:1rem;top:1rem;background:#fff;padding:.25rem}
h1{font-weight:normal;font-size:2rem;border-bottom:1px solid #a2a9b1;margin-bottom:.5rem}
h2{font-weight:normal;font-size:1.5rem;border-bottom:1px solid #a2a9b1}
.infobox{float:right;clear:right;width:24rem;max-width:100%;margin:0 0 1rem 1.5rem;border:1px solid #a2a9b1;background:#f8f9fa;border-collapse:collapse;font:.875rem/1.4 system-ui,sans-serif}
.infobox caption{font-weight:bold;font-size:1.1rem;padding:.4rem}
.infobox th,.infobox td{padding:.3rem .5rem;vertical-align:top;text-align:left;border-top:1px solid #dde}
.infobox th[scope=colgroup]{background:#e4e8ef;text-align:center}
.infobox ul{margin:0;padding-left:1rem}
.citation{font-size:.75em;line-height:0}
.notice{border-left:4px solid #a66200;background:#fef6e7;padding:.5rem .75rem;font-family:system-ui,sans-serif;font-size:.9rem}
.references{font-size:.9rem}
footer{clear:both;margin-top:2rem;border-top:1px solid #ccc;font-size:.85rem;color:#444}
@media (max-width:40rem){.infobox{float:none;width:100%;margin:0 0 1rem}}
`.trim()
