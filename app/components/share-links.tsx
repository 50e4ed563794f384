// Sharing a job: plain links that work anywhere; with JavaScript, the phone's share sheet or a
// copy-to-clipboard button as well.
import { useEffect, useState } from "react";

export function ShareLinks({ url, title }: { url: string; title: string }) {
  const [canShare, setCanShare] = useState<"share" | "copy" | null>(null);
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    setCanShare(
      typeof navigator.share === "function" ? "share" : navigator.clipboard ? "copy" : null,
    );
  }, []);
  const u = encodeURIComponent(url);
  const t = encodeURIComponent(title);
  return (
    <section className="share" aria-labelledby="share-title">
      <h2 id="share-title" className="small-heading">
        Share this job
      </h2>
      <ul className="inline-list">
        <li>
          <a
            href={`https://www.linkedin.com/sharing/share-offsite/?url=${u}`}
            rel="noopener noreferrer"
            target="_blank"
          >
            LinkedIn
          </a>
        </li>
        <li>
          <a
            href={`https://www.facebook.com/sharer/sharer.php?u=${u}`}
            rel="noopener noreferrer"
            target="_blank"
          >
            Facebook
          </a>
        </li>
        <li>
          <a
            href={`https://x.com/intent/post?url=${u}&text=${t}`}
            rel="noopener noreferrer"
            target="_blank"
          >
            X
          </a>
        </li>
        <li>
          <a href={`mailto:?subject=${t}&body=${u}`}>Email</a>
        </li>
        {canShare ? (
          <li>
            <button
              type="button"
              className="button link"
              onClick={async () => {
                if (canShare === "share") {
                  await navigator.share({ title, url }).catch(() => {});
                } else {
                  await navigator.clipboard.writeText(url);
                  setCopied(true);
                }
              }}
            >
              {canShare === "share" ? "More…" : copied ? "Link copied" : "Copy link"}
            </button>
          </li>
        ) : null}
      </ul>
    </section>
  );
}
