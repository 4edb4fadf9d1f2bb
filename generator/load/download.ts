import { SpecError } from "../errors.js";

/** Whether a spec location is a URL (`https://…`) rather than a file path. */
export function isUrl(location: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(location);
}

export interface DownloadLimits {
  /** For the whole download: connecting, every redirect and the body. */
  timeoutMs: number;
  maxBytes: number;
}

const MAX_REDIRECTS = 5;
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/**
 * Downloads a spec over https:// only: redirects are followed by hand so that one to plain
 * http:// is refused before it is requested, and the time and size are bounded.
 */
export async function downloadBytes(url: string, limits: DownloadLimits): Promise<Buffer> {
  const signal = AbortSignal.timeout(limits.timeoutMs);
  try {
    let current = refusePlainHttp(url, url);
    for (let redirects = 0; ; redirects++) {
      const response = await fetch(current, { redirect: "manual", signal, headers: { accept: "application/json, application/yaml;q=0.9, */*;q=0.1" } });
      const location = REDIRECT_STATUSES.has(response.status) ? response.headers.get("location") : null;
      if (location === null) return await readBody(url, response, limits.maxBytes);
      await response.body?.cancel();
      if (redirects === MAX_REDIRECTS) {
        throw new SpecError(
          url,
          undefined,
          `could not be downloaded: more than ${MAX_REDIRECTS} redirects.`,
          "Pass the final URL, or download the file and pass its path.",
        );
      }
      current = refusePlainHttp(url, new URL(location, current).href);
    }
  } catch (error) {
    if (error instanceof SpecError) throw error;
    if (signal.aborted) {
      throw new SpecError(
        url,
        undefined,
        `could not be downloaded within ${limits.timeoutMs / 1000} s.`,
        "Check the URL and the network, or download the file and pass its path.",
      );
    }
    throw new SpecError(
      url,
      undefined,
      `could not be downloaded (${describeCause(error)}).`,
      "Check the URL and the network, or download the file and pass its path.",
    );
  }
}

function refusePlainHttp(url: string, target: string): string {
  if (target.toLowerCase().startsWith("https://")) return target;
  const problem =
    target === url
      ? `${new URL(target).protocol}// URLs are not fetched, only https:// ones.`
      : `redirects to ${new URL(target).origin}, which is not followed: only https:// is.`;
  throw new SpecError(url, undefined, problem, "Use an https:// URL that stays on https://, or download the file first.");
}

async function readBody(url: string, response: Response, maxBytes: number): Promise<Buffer> {
  if (!response.ok) {
    await response.body?.cancel();
    throw new SpecError(url, undefined, `could not be downloaded: the server answered ${response.status} ${response.statusText}.`, "Check the URL.");
  }
  const tooLarge = () =>
    new SpecError(url, undefined, `is larger than ${formatBytes(maxBytes)}, the most a spec may be.`, "Check that this URL serves an API description.");
  if (Number(response.headers.get("content-length") ?? 0) > maxBytes) {
    await response.body?.cancel();
    throw tooLarge();
  }
  const chunks: Uint8Array[] = [];
  let received = 0;
  const reader = response.body?.getReader();
  for (let read = await reader?.read(); read && !read.done; read = await reader!.read()) {
    received += read.value.byteLength;
    if (received > maxBytes) {
      await reader!.cancel();
      throw tooLarge();
    }
    chunks.push(read.value);
  }
  return Buffer.concat(chunks);
}

export function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${bytes / (1024 * 1024)} MiB` : `${bytes} bytes`;
}

export function describeCause(error: unknown): string {
  if (error instanceof Error) {
    const cause = (error as Error & { cause?: unknown }).cause;
    return cause instanceof Error ? cause.message : error.message;
  }
  return String(error);
}
