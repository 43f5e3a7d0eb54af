export const id = 287;
export const ids = [287];
export const modules = {

/***/ 12685:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  cO: () => (/* reexport */ DEFAULT_RETRY_POLICY),
  j$: () => (/* reexport */ HttpError),
  EY: () => (/* reexport */ backoffDelay),
  uT: () => (/* reexport */ createHttpClient),
  kS: () => (/* reexport */ defaultHttp),
  _V: () => (/* reexport */ formatMs),
  PS: () => (/* reexport */ isRetryableStatus),
  mu: () => (/* reexport */ parseRetryAfter),
  RW: () => (/* reexport */ setDebugSink),
  Sj: () => (/* reexport */ statusCause)
});

// UNUSED EXPORTS: BODY_TIMEOUT_ENV, DEFAULT_DEADLINES, HEADERS_TIMEOUT_ENV, ProxyResolver, USER_AGENT, VERSION, bodyDeadlineMs, deadlinesFromEnv, debugLog, isCredentialHeader, maskHeaders, parseProxyUrl, proxySettingsFromEnv, redactUrl, retryDelay

// EXTERNAL MODULE: external "node:timers/promises"
var promises_ = __webpack_require__(58500);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(57075);
;// CONCATENATED MODULE: ./src/http/deadlines.ts
// Per-request time limits: one for the response headers, one for the whole body (scaled by its size),
// so a server that trickles a byte every few seconds, or never answers, costs a bounded time.
const DEFAULT_DEADLINES = {
    headersMs: 30_000,
    bodyMs: 60_000,
    minBytesPerSecond: 256 * 1024
};
/** Environment variables that override the defaults (milliseconds), e.g. for tests or slow networks. */
const HEADERS_TIMEOUT_ENV = 'OCI_ATTEST_HEADERS_TIMEOUT_MS';
const BODY_TIMEOUT_ENV = 'OCI_ATTEST_BODY_TIMEOUT_MS';
function positiveMs(env, name) {
    const raw = env[name]?.trim();
    if (!raw)
        return undefined;
    const value = Number(raw);
    // A bad override must not silently become "no limit": the default holds instead.
    return Number.isFinite(value) && value > 0 ? value : undefined;
}
function deadlinesFromEnv(env) {
    const headersMs = positiveMs(env, HEADERS_TIMEOUT_ENV);
    const bodyMs = positiveMs(env, BODY_TIMEOUT_ENV);
    return {
        ...(headersMs !== undefined ? { headersMs } : {}),
        ...(bodyMs !== undefined ? { bodyMs } : {})
    };
}
/** The whole-body deadline for a body of `bytes` (unknown: the base limit alone). */
function bodyDeadlineMs(d, bytes) {
    const extra = bytes && bytes > 0 ? Math.ceil((bytes / d.minBytesPerSecond) * 1000) : 0;
    return d.bodyMs + extra;
}
/** "30 s" or "250 ms": limits read as people set them. */
function formatMs(ms) {
    return ms >= 1000 && ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`;
}

;// CONCATENATED MODULE: ./src/http/debug.ts
// A process-wide sink for the HTTP client's debug lines (retries, backoffs, redirects): the edge that owns
// the output (the action's core.debug, the CLI's --debug) installs it; clients created anywhere report to it.
let sink;
function setDebugSink(next) {
    sink = next;
}
function debugLog(line) {
    sink?.(line);
}

// EXTERNAL MODULE: ./src/errors/index.ts + 2 modules
var errors = __webpack_require__(28936);
;// CONCATENATED MODULE: ./src/http/redact.ts
// Query keys whose values are credentials in practice (signed storage URLs, OAuth flows).
const SECRET_QUERY_KEY = /token|sig|signature|credential|secret|password|passwd|key|auth|code|session/i;
const SECRET_HEADER = /^(authorization|proxy-authorization|cookie|set-cookie)$|token|secret|api-key|password/i;
/** The URL without user-info and with the values of secret-looking query parameters masked. */
function redactUrl(input) {
    let url;
    try {
        url = new URL(input.toString());
    }
    catch {
        return '<unparseable url>';
    }
    if (url.username || url.password) {
        url.username = '***';
        url.password = '';
    }
    for (const key of [...new Set(url.searchParams.keys())]) {
        if (SECRET_QUERY_KEY.test(key))
            url.searchParams.set(key, '***');
    }
    return url.toString();
}
/** Header names with the values of credential-bearing headers replaced, for debug output. */
function maskHeaders(headers) {
    const entries = headers instanceof Headers ? [...headers.entries()] : Object.entries(headers);
    const out = {};
    for (const [name, value] of entries)
        out[name.toLowerCase()] = SECRET_HEADER.test(name) ? '***' : value;
    return out;
}
/** True for headers that must never leave for another origin. */
function isCredentialHeader(name) {
    return /^(authorization|proxy-authorization|cookie)$/i.test(name);
}

;// CONCATENATED MODULE: ./src/http/errors.ts


/** Every failure of the HTTP layer; `url` is always redacted so the error can be logged as is. */
class HttpError extends errors/* CodedError */.AK {
    url;
    constructor(code, message, opts) {
        super(code, message, { cause: opts.cause, status: opts.status });
        this.name = 'HttpError';
        this.url = redactUrl(opts.url);
    }
}

// EXTERNAL MODULE: external "node:net"
var external_node_net_ = __webpack_require__(77030);
var external_node_net_default = /*#__PURE__*/__webpack_require__.n(external_node_net_);
;// CONCATENATED MODULE: ./src/http/proxy-env.ts
// Which proxy a URL goes through, from HTTPS_PROXY / HTTP_PROXY / NO_PROXY with Go's net/http semantics
// (golang.org/x/net/http/httpproxy), so one environment means the same to us as to cosign, crane and docker.

/** Go's getEnvAny: the upper-case name wins when both are set and non-empty. */
function envAny(env, upper, lower) {
    return env[upper] || env[lower] || undefined;
}
function proxySettingsFromEnv(env) {
    const httpsProxy = envAny(env, 'HTTPS_PROXY', 'https_proxy');
    const httpProxy = envAny(env, 'HTTP_PROXY', 'http_proxy');
    const noProxy = envAny(env, 'NO_PROXY', 'no_proxy');
    return {
        ...(httpsProxy ? { httpsProxy } : {}),
        ...(httpProxy ? { httpProxy } : {}),
        ...(noProxy ? { noProxy } : {})
    };
}
/** A proxy value as a URL; like Go, a bare `host:port` means http://host:port. Undefined when unusable. */
function parseProxyUrl(value) {
    const trimmed = value.trim();
    for (const candidate of [trimmed, `http://${trimmed}`]) {
        try {
            const url = new URL(candidate);
            if (url.host && /^[a-z][a-z0-9+.-]*:$/.test(url.protocol))
                return url;
        }
        catch {
            // try the next spelling
        }
    }
    return undefined;
}
const unbracket = (h) => h.replace(/^\[|\]$/g, '');
function entryMatcher(raw) {
    const entry = raw.trim().toLowerCase();
    if (!entry)
        return undefined;
    const cidr = /^(.+)\/(\d{1,3})$/.exec(entry);
    if (cidr && (0,external_node_net_.isIP)(cidr[1])) {
        const list = new external_node_net_.BlockList();
        const family = (0,external_node_net_.isIP)(cidr[1]) === 6 ? 'ipv6' : 'ipv4';
        list.addSubnet(cidr[1], Number(cidr[2]), family);
        return host => (0,external_node_net_.isIP)(host) !== 0 && list.check(host, (0,external_node_net_.isIP)(host) === 6 ? 'ipv6' : 'ipv4');
    }
    // "host:port" or "[v6]:port"; a bare IPv6 address has colons but no port.
    let host = entry;
    let port = '';
    const withPort = /^(\[[^\]]+\]|[^:]+):(\d+)$/.exec(entry);
    if (withPort)
        [host, port] = [unbracket(withPort[1]), withPort[2]];
    else
        host = unbracket(entry);
    if (!host)
        return undefined;
    const portOk = (p) => port === '' || port === p;
    if ((0,external_node_net_.isIP)(host))
        return (h, p) => (0,external_node_net_.isIP)(h) !== 0 && sameIp(h, host) && portOk(p);
    // "example.com" matches itself and subdomains; ".example.com" and "*.example.com" only subdomains.
    if (host.startsWith('*.'))
        host = host.slice(1);
    const matchSelf = !host.startsWith('.');
    const suffix = matchSelf ? `.${host}` : host;
    return (h, p) => (h.endsWith(suffix) || (matchSelf && h === host)) && portOk(p);
}
function sameIp(a, b) {
    const list = new external_node_net_.BlockList();
    list.addAddress(b, (0,external_node_net_.isIP)(b) === 6 ? 'ipv6' : 'ipv4');
    return list.check(a, (0,external_node_net_.isIP)(a) === 6 ? 'ipv6' : 'ipv4');
}
function isLoopback(host) {
    if (host === 'localhost')
        return true;
    if ((0,external_node_net_.isIP)(host) === 4)
        return host.startsWith('127.');
    if ((0,external_node_net_.isIP)(host) === 6)
        return sameIp(host, '::1') || /^::ffff:127\./.test(host);
    return false;
}
/** Decides, per request URL, the proxy to use (undefined: connect directly). */
class ProxyResolver {
    #settings;
    #bypassAll;
    #matchers;
    constructor(settings) {
        this.#settings = settings;
        const entries = (settings.noProxy ?? '').split(',');
        this.#bypassAll = entries.some(e => e.trim() === '*');
        this.#matchers = entries.map(entryMatcher).filter((m) => m !== undefined);
    }
    /** The raw proxy value for `url` (not yet parsed, so a bad value can be reported in its own words). */
    proxyFor(url) {
        const raw = url.protocol === 'https:' ? this.#settings.httpsProxy : this.#settings.httpProxy;
        if (!raw || this.#bypassAll)
            return undefined;
        const host = unbracket(url.hostname.toLowerCase()).replace(/\.$/, '');
        // Like Go: localhost and loopback addresses never go through a proxy.
        if (isLoopback(host))
            return undefined;
        const port = url.port || (url.protocol === 'https:' ? '443' : '80');
        return this.#matchers.some(m => m(host, port)) ? undefined : raw;
    }
}

// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(37067);
var external_node_http_default = /*#__PURE__*/__webpack_require__.n(external_node_http_);
// EXTERNAL MODULE: external "node:https"
var external_node_https_ = __webpack_require__(44708);
var external_node_https_default = /*#__PURE__*/__webpack_require__.n(external_node_https_);
;// CONCATENATED MODULE: ./src/http/proxy-tunnel.ts
// HTTPS through an HTTP proxy: a CONNECT tunnel per pooled connection, TLS to the target inside it.




/** `Proxy-Authorization` for the user-info of a proxy URL, or undefined when it has none. */
function proxyAuthorization(proxy) {
    if (!proxy.username && !proxy.password)
        return undefined;
    const user = decodeURIComponent(proxy.username);
    const pass = decodeURIComponent(proxy.password);
    return `Basic ${Buffer.from(`${user}:${pass}`).toString('base64')}`;
}
/** Opens `CONNECT authority` on the proxy; resolves with the raw socket once the proxy answered 2xx. */
function openTunnel(opts) {
    const { proxy, authority } = opts;
    const where = `proxy ${redactUrl(proxy)}`;
    const headers = { host: authority };
    const auth = proxyAuthorization(proxy);
    if (auth)
        headers['proxy-authorization'] = auth;
    return new Promise((resolve, reject) => {
        const req = external_node_http_default().request({
            host: proxy.hostname.replace(/^\[|\]$/g, ''),
            port: proxy.port || 80,
            method: 'CONNECT',
            path: authority,
            headers,
            agent: false
        });
        const timer = setTimeout(() => {
            req.destroy(new HttpError('HTTP_TIMEOUT', `${where} opened no tunnel to ${authority} in ${opts.connectTimeoutMs} ms`, {
                url: proxy
            }));
        }, opts.connectTimeoutMs);
        req.once('connect', (res, socket, head) => {
            clearTimeout(timer);
            const status = res.statusCode ?? 0;
            if (status >= 200 && status < 300) {
                // Bytes that arrived with the answer belong to the tunnel; give them back to the stream.
                if (head.length)
                    socket.unshift(head);
                resolve(socket);
                return;
            }
            socket.destroy();
            const hint = status === 407
                ? '; the proxy wants credentials: put them in the proxy URL (http://user:password@host:port)'
                : '';
            // 4xx is the proxy's refusal (policy, credentials): retrying cannot help. 5xx may be transient.
            reject(new HttpError(status >= 500 ? 'HTTP_NETWORK' : 'HTTP_STATUS', `${where} refused the tunnel to ${authority} with ${status} ${res.statusMessage ?? ''}`.trim() +
                hint, { url: proxy, status }));
        });
        req.once('error', err => {
            clearTimeout(timer);
            reject(err instanceof HttpError
                ? err
                : new HttpError('HTTP_NETWORK', `${where} could not be reached for ${authority}: ${err.message}`, {
                    url: proxy,
                    cause: err
                }));
        });
        req.end();
    });
}
/** An https.Agent whose connections are TLS sessions inside CONNECT tunnels, pooled per target origin. */
class TunnelAgent extends (external_node_https_default()).Agent {
    #proxy;
    #connectTimeoutMs;
    constructor(proxy, connectTimeoutMs) {
        super({ keepAlive: true, scheduling: 'lifo', timeout: 30000 });
        this.#proxy = proxy;
        this.#connectTimeoutMs = connectTimeoutMs;
    }
    // The base class accepts a connection handed over later through the callback; we return nothing now.
    createConnection(options, callback) {
        const host = (options.host ?? options.hostname ?? '').replace(/^\[|\]$/g, '');
        const authority = `${host.includes(':') ? `[${host}]` : host}:${options.port ?? 443}`;
        const cb = (err, stream) => callback?.(err, stream);
        openTunnel({ proxy: this.#proxy, authority, connectTimeoutMs: this.#connectTimeoutMs }).then(raw => {
            try {
                // TLS to the target inside the tunnel (servername and session reuse come from https.Agent).
                cb(null, super.createConnection({ ...options, socket: raw }));
            }
            catch (err) {
                raw.destroy();
                cb(err);
            }
        }, cb);
        return undefined;
    }
}

;// CONCATENATED MODULE: ./src/http/proxy-route.ts
// Per-request routing: direct, absolute-form through an HTTP proxy (http://), or a CONNECT tunnel (https://).




function createProxyRouter(settings, connectTimeoutMs) {
    const resolver = new ProxyResolver(settings);
    const agents = new Map();
    return url => {
        const raw = resolver.proxyFor(url);
        if (raw === undefined)
            return undefined;
        const proxy = parseProxyUrl(raw);
        if (!proxy || proxy.protocol !== 'http:') {
            const names = url.protocol === 'https:' ? 'HTTPS_PROXY/https_proxy' : 'HTTP_PROXY/http_proxy';
            throw new HttpError('HTTP_PROXY', `${names} is ${proxy ? redactUrl(proxy) : 'not a URL'}; oci-attest goes through http:// proxies only ` +
                `(CONNECT for https). Set an http://host:port proxy, or add ${url.hostname} to NO_PROXY`, { url });
        }
        if (url.protocol === 'https:') {
            let agent = agents.get(proxy.href);
            if (!agent)
                agents.set(proxy.href, (agent = new TunnelAgent(proxy, connectTimeoutMs)));
            return { proxy, agent };
        }
        const authorization = proxyAuthorization(proxy);
        return { proxy, ...(authorization ? { authorization } : {}) };
    };
}

// EXTERNAL MODULE: external "node:tls"
var external_node_tls_ = __webpack_require__(41692);
var external_node_tls_default = /*#__PURE__*/__webpack_require__.n(external_node_tls_);
;// CONCATENATED MODULE: ./src/http/http1-framing.ts
// HTTP/1.1 response framing for the bulk GET: the head parsed from raw bytes, and the body's bytes told apart
// from the framing around them (Content-Length, chunked, or until close). Pure: no sockets, no timers.
const MAX_HEAD_BYTES = 64 * 1024;
const MAX_CHUNK_LINE = 1024;
/** What the server sent that is not HTTP/1.x; the caller names the host. */
class FramingProblem {
    what;
    constructor(what) {
        this.what = what;
    }
}
/** A complete final head in `head`, if there is one yet (1xx interim answers are skipped). */
function parseResponseHead(head) {
    for (;;) {
        const end = head.indexOf('\r\n\r\n');
        if (end < 0) {
            if (head.length > MAX_HEAD_BYTES)
                throw new FramingProblem(`a response head over ${MAX_HEAD_BYTES} bytes`);
            return undefined;
        }
        const lines = head.subarray(0, end).toString('latin1').split('\r\n');
        const rest = head.subarray(end + 4);
        const status = /^HTTP\/1\.[01] (\d{3})/.exec(lines[0] ?? '');
        if (!status)
            throw new FramingProblem(`a status line that is not HTTP/1.x: "${(lines[0] ?? '').slice(0, 60)}"`);
        const code = Number(status[1]);
        if (code >= 100 && code < 200) {
            head = rest; // an interim answer; the real one follows
            continue;
        }
        const headers = new Headers();
        for (const line of lines.slice(1)) {
            const colon = line.indexOf(':');
            if (colon <= 0)
                continue;
            try {
                headers.append(line.slice(0, colon).trim(), line.slice(colon + 1).trim());
            }
            catch {
                // a header the WHATWG Headers class refuses is one we never read
            }
        }
        return { status: code, headers, rest };
    }
}
/** Feeds raw bytes after the head; hands each run of body bytes (a view, never a copy) to `push`. */
class BodyDecoder {
    framing;
    /** The declared length (Content-Length), when there is one. */
    expected;
    finished = false;
    remaining = 0;
    chunkState = 'size';
    chunkLine = '';
    constructor(status, headers) {
        const encoding = headers.get('transfer-encoding');
        const length = headers.get('content-length');
        if (encoding && /(^|,)\s*chunked\s*$/i.test(encoding)) {
            this.framing = 'chunked';
        }
        else if (status === 204 || status === 304) {
            this.framing = 'length';
            this.finished = true;
        }
        else if (length !== null) {
            if (!/^\d+$/.test(length.trim()))
                throw new FramingProblem(`Content-Length "${length}"`);
            this.framing = 'length';
            this.remaining = Number(length);
            this.expected = this.remaining;
            if (this.remaining === 0)
                this.finished = true;
        }
        else {
            this.framing = 'close';
        }
    }
    feed(data, push) {
        if (this.finished || data.length === 0)
            return;
        if (this.framing === 'close')
            return push(data);
        if (this.framing === 'length') {
            // Bytes after the declared length are not the body (the connection closes anyway).
            const take = Math.min(this.remaining, data.length);
            if (take > 0)
                push(data.subarray(0, take));
            this.remaining -= take;
            if (this.remaining === 0)
                this.finished = true;
            return;
        }
        let pos = 0;
        while (pos < data.length && !this.finished) {
            if (this.chunkState === 'data') {
                const take = Math.min(this.remaining, data.length - pos);
                push(data.subarray(pos, pos + take));
                pos += take;
                this.remaining -= take;
                if (this.remaining === 0)
                    this.chunkState = 'data-end';
                continue;
            }
            const nl = data.indexOf(10, pos);
            const piece = data.subarray(pos, nl < 0 ? data.length : nl).toString('latin1');
            pos = nl < 0 ? data.length : nl + 1;
            this.chunkLine += piece;
            if (this.chunkLine.length > MAX_CHUNK_LINE)
                throw new FramingProblem('a chunked-encoding line over 1 KiB');
            if (nl < 0)
                continue;
            this.line(this.chunkLine.replace(/\r$/, ''));
            this.chunkLine = '';
        }
    }
    line(line) {
        if (this.chunkState === 'data-end') {
            if (line !== '')
                throw new FramingProblem('chunk data longer than its size line said');
            this.chunkState = 'size';
        }
        else if (this.chunkState === 'size') {
            const size = line.split(';')[0].trim();
            if (!/^[0-9a-fA-F]{1,12}$/.test(size))
                throw new FramingProblem(`a chunk size line "${line.slice(0, 40)}"`);
            this.remaining = parseInt(size, 16);
            this.chunkState = this.remaining === 0 ? 'trailer' : 'data';
        }
        else if (line === '') {
            this.finished = true; // the empty line after the trailers ends the body
        }
    }
}

;// CONCATENATED MODULE: ./src/http/bulk-get.ts
// A GET whose large body (a layer blob) is read once, on a connection of its own that reads into one
// reused buffer. node:http copies every body chunk out of a fresh socket buffer: per GiB that is ~1 s of
// CPU and a GiB of garbage for the GC (bench/sbom/README.md). Chunks are lent, not given: each one is
// valid only until the next is asked for, and the socket stays paused while the caller holds one.






const READ_BUFFER_BYTES = 1024 * 1024;
/** Sends one GET and resolves with the response head; the body is read as the caller iterates. */
function sendBulkGet(url, opts) {
    return new BulkExchange(url, opts).start();
}
class BulkExchange {
    url;
    opts;
    readBuffer = Buffer.allocUnsafe(READ_BUFFER_BYTES);
    socket;
    head = Buffer.alloc(0);
    headDone = false;
    body;
    received = 0;
    /** Views of readBuffer (or of an owned copy) not yet handed to the caller. */
    queue = [];
    finished = false;
    failure;
    wake;
    resolveHead;
    rejectHead;
    timer;
    bodyTimer;
    constructor(url, opts) {
        this.url = url;
        this.opts = opts;
    }
    start() {
        const promise = new Promise((resolve, reject) => {
            this.resolveHead = resolve;
            this.rejectHead = reject;
        });
        const { url, opts } = this;
        if (opts.signal?.aborted) {
            this.fail(this.aborted());
            return promise;
        }
        const host = url.hostname.replace(/^\[|\]$/g, '');
        const secure = url.protocol === 'https:';
        const port = Number(url.port) || (secure ? 443 : 80);
        const onread = { buffer: this.readBuffer, callback: (n) => this.onRead(n) };
        this.socket = secure
            ? external_node_tls_default().connect({
                host,
                port,
                ...(external_node_net_default().isIP(host) ? {} : { servername: host }),
                ALPNProtocols: ['http/1.1'],
                onread
                // node:tls takes net's onread (documented for tls.connect) but its types do not list it.
            })
            : external_node_net_default().connect({ host, port, onread });
        this.arm(opts.connectTimeoutMs, () => `could not connect to ${url.host} within ${opts.connectTimeoutMs} ms`);
        this.socket.once(secure ? 'secureConnect' : 'connect', () => 
        // Silence before the head is bounded by whichever is shorter, the idle limit or the headers deadline.
        this.arm(Math.min(opts.timeoutMs, opts.deadlines.headersMs), () => opts.deadlines.headersMs <= opts.timeoutMs
            ? `${url.host} sent no response headers within ${formatMs(opts.deadlines.headersMs)} (headers deadline) for GET ${url.pathname}`
            : `${url.origin} sent no response within ${opts.timeoutMs} ms`));
        this.socket.on('error', err => this.fail(this.networkError(err)));
        this.socket.on('end', () => this.onEnd());
        this.socket.on('close', () => this.onEnd());
        opts.signal?.addEventListener('abort', this.onAbort, { once: true });
        this.socket.write(this.requestHead());
        return promise;
    }
    requestHead() {
        const lines = [`GET ${this.url.pathname}${this.url.search} HTTP/1.1`, `Host: ${this.url.host}`];
        this.opts.headers.forEach((value, name) => {
            if (name !== 'host' && name !== 'connection')
                lines.push(`${name}: ${value}`);
        });
        // One exchange per connection: nothing to keep in sync with a pool, and blobs are long reads anyway.
        lines.push('Connection: close', '', '');
        return lines.join('\r\n');
    }
    onAbort = () => this.fail(this.aborted());
    /** Returns false (pause the socket) while the caller may still hold views of the read buffer. */
    onRead(n) {
        if (this.finished || this.failure)
            return false;
        this.disarm();
        let data = this.readBuffer.subarray(0, n);
        try {
            if (!this.headDone) {
                // The head is small and copied, so body bytes that came with it are owned too.
                this.head = this.head.length ? Buffer.concat([this.head, data]) : Buffer.from(data);
                const rest = this.parseHead();
                if (!rest)
                    return true;
                data = rest;
            }
            this.body.feed(data, view => this.push(view));
            if (this.body.finished)
                this.finished = true;
        }
        catch (err) {
            this.fail(err instanceof FramingProblem ? this.protocolError(err.what) : err);
            return false;
        }
        this.deliver();
        return this.queue.length === 0 && !this.finished;
    }
    /** Parses a complete head, if there is one; returns the body bytes that followed it. */
    parseHead() {
        const head = parseResponseHead(this.head);
        if (!head)
            return undefined;
        this.headDone = true;
        this.head = Buffer.alloc(0);
        this.body = new BodyDecoder(head.status, head.headers);
        if (this.body.finished)
            this.finished = true;
        this.startBodyDeadline();
        this.resolveHead({
            status: head.status,
            headers: head.headers,
            chunks: () => this.chunks(),
            close: () => this.close()
        });
        return head.rest;
    }
    push(view) {
        this.received += view.length;
        this.queue.push(view);
    }
    deliver() {
        if (this.finished || this.failure)
            clearTimeout(this.bodyTimer);
        if (this.finished) {
            this.opts.signal?.removeEventListener('abort', this.onAbort);
            this.disarm();
            // The body is complete: the connection has nothing more to give (Connection: close).
            if (!this.socket.destroyed)
                this.socket.destroy();
        }
        const wake = this.wake;
        this.wake = undefined;
        wake?.();
    }
    async *chunks() {
        try {
            for (;;) {
                const next = this.queue.shift();
                if (next) {
                    yield next;
                    continue;
                }
                if (this.failure)
                    throw this.failure;
                if (this.finished)
                    return;
                // The caller is done with every view: the buffer may be filled again.
                await new Promise(resolve => {
                    this.wake = resolve;
                    this.arm(this.opts.timeoutMs, () => `${this.url.origin} stalled for ${this.opts.timeoutMs} ms in the body of ${this.describe()}`);
                    this.socket.resume();
                });
            }
        }
        finally {
            this.close();
        }
    }
    onEnd() {
        if (this.finished || this.failure)
            return;
        if (!this.headDone)
            return this.fail(this.networkError(new Error('the connection closed before a response')));
        if (this.body?.framing === 'close') {
            this.finished = true;
            return this.deliver();
        }
        this.fail(this.networkError(new Error('the connection closed')));
    }
    fail(err) {
        if (this.failure || this.finished)
            return;
        this.failure = err;
        this.disarm();
        this.opts.signal?.removeEventListener('abort', this.onAbort);
        if (this.socket && !this.socket.destroyed)
            this.socket.destroy();
        if (!this.headDone)
            this.rejectHead(err);
        this.queue.length = 0;
        this.deliver();
    }
    close() {
        this.disarm();
        clearTimeout(this.bodyTimer);
        this.opts.signal?.removeEventListener('abort', this.onAbort);
        if (!this.finished && !this.failure)
            this.failure = new HttpError('HTTP_BODY', `the body of ${this.describe()} was closed`, {
                url: this.url
            });
        if (!this.socket.destroyed)
            this.socket.destroy();
    }
    arm(ms, message) {
        this.disarm();
        this.timer = setTimeout(() => this.fail(new HttpError('HTTP_TIMEOUT', message(), { url: this.url })), ms);
    }
    /** The whole body must arrive within its deadline, however steadily it trickles. */
    startBodyDeadline() {
        if (this.finished)
            return;
        const limit = bodyDeadlineMs(this.opts.deadlines, this.body?.expected);
        const expected = this.body?.expected;
        const of = expected !== undefined ? ` for ${expected} bytes` : '';
        this.bodyTimer = setTimeout(() => this.fail(new HttpError('HTTP_TIMEOUT', `${this.url.host} did not send the whole body of GET ${this.url.pathname} within ${formatMs(limit)} (body deadline${of})`, { url: this.url })), limit);
    }
    disarm() {
        if (this.timer)
            clearTimeout(this.timer);
        this.timer = undefined;
    }
    describe() {
        return redactUrl(this.url);
    }
    aborted() {
        return new HttpError('HTTP_NETWORK', `request to ${this.url.origin} aborted`, {
            url: this.url,
            cause: this.opts.signal?.reason
        });
    }
    protocolError(what) {
        return this.networkError(new Error(`${this.url.host} sent ${what}`));
    }
    networkError(err) {
        if (!this.headDone)
            return new HttpError('HTTP_NETWORK', `GET ${this.url.origin}${this.url.pathname} failed: ${err.message}`, {
                url: this.url,
                cause: err
            });
        const of = this.body?.expected !== undefined ? ` of ${this.body.expected}` : '';
        return new HttpError('HTTP_NETWORK', `the connection to ${this.url.host} broke after ${this.received}${of} bytes of the body of ${this.describe()}: ${err.message}`, { url: this.url, cause: err });
    }
}

;// CONCATENATED MODULE: ./src/http/response.ts



function toHeaders(res) {
    const headers = new Headers();
    for (let i = 0; i + 1 < res.rawHeaders.length; i += 2) {
        try {
            headers.append(res.rawHeaders[i], res.rawHeaders[i + 1]);
        }
        catch {
            // a header the WHATWG Headers class refuses is one we never read
        }
    }
    return headers;
}
function parseJson(bytes, url) {
    const text = bytes.toString('utf8');
    try {
        return JSON.parse(text);
    }
    catch (err) {
        throw new HttpError('HTTP_BODY', `${url.origin}${url.pathname} answered invalid JSON: ${text.slice(0, 120)}`, {
            url,
            cause: err
        });
    }
}
/** A response whose body was read in full already (inside the retry loop); every accessor serves those bytes. */
function bufferedResponse(res, bytes) {
    const url = new URL(res.url);
    let taken = false;
    const take = () => {
        if (taken)
            throw new HttpError('HTTP_BODY', `the body of ${url.origin}${url.pathname} was already read`, { url });
        taken = true;
        return bytes;
    };
    return {
        status: res.status,
        headers: res.headers,
        url: res.url,
        body: () => external_node_stream_.Readable.from([take()]),
        chunks: () => external_node_stream_.Readable.from([take()]),
        buffer: async (maxBytes = Infinity) => {
            if (bytes.length > maxBytes)
                throw new HttpError('HTTP_BODY', `response body of ${url.origin}${url.pathname} exceeds ${maxBytes} bytes`, {
                    url
                });
            return take();
        },
        text: async () => take().toString('utf8'),
        json: async () => parseJson(take(), url),
        discard: () => {
            taken = true;
        }
    };
}
/** The body as a stream whose failures are HttpErrors naming the URL, never Node's bare socket errors. */
function guardedBody(res, url) {
    const out = new external_node_stream_.PassThrough();
    let received = 0;
    const expected = res.headers['content-length'];
    res.on('data', (chunk) => (received += chunk.length));
    res.on('error', err => {
        if (err instanceof HttpError)
            return void out.destroy(err); // our own timeouts already say what happened
        const of = expected ? ` of ${expected}` : '';
        out.destroy(new HttpError('HTTP_NETWORK', `the connection to ${url.host} broke after ${received}${of} bytes of the body of ${redactUrl(url)}: ` +
            err.message, { url, cause: err }));
    });
    // A consumer that stops reading early releases the socket.
    out.on('close', () => {
        if (!res.readableEnded)
            res.destroy();
    });
    res.pipe(out);
    return out;
}
/** Wraps a live IncomingMessage; the body is read at most once, by whichever accessor comes first. */
function wrapResponse(res, url) {
    return {
        status: res.statusCode ?? 0,
        headers: toHeaders(res),
        url: url.toString(),
        ...takenOnce(url, {
            stream: () => guardedBody(res, url),
            chunks: () => guardedBody(res, url),
            drop: () => {
                res.resume();
                res.on('error', () => undefined);
            }
        })
    };
}
/** The body accessors of a live response: the body is taken once, by whichever comes first. */
function takenOnce(url, source) {
    let taken = false;
    const take = (open) => {
        if (taken)
            throw new HttpError('HTTP_BODY', `the body of ${url.origin}${url.pathname} was already read`, { url });
        taken = true;
        return open();
    };
    const buffer = (maxBytes) => readAll(take(source.stream), url, maxBytes);
    return {
        body: () => take(source.stream),
        chunks: () => take(source.chunks),
        buffer,
        text: async () => (await buffer()).toString('utf8'),
        json: async () => parseJson(await buffer(), url),
        discard: () => {
            if (taken)
                return;
            taken = true;
            source.drop();
        }
    };
}
/** Reads a whole body (chunks it may keep) up to a cap; failures become HttpErrors naming the URL. */
async function readAll(chunks, url, maxBytes = 64 * 1024 * 1024) {
    const kept = [];
    let total = 0;
    const it = chunks[Symbol.asyncIterator]();
    try {
        for (let next = await it.next(); !next.done; next = await it.next()) {
            total += next.value.length;
            if (total > maxBytes) {
                await it.return?.();
                throw new HttpError('HTTP_BODY', `response body of ${url.origin}${url.pathname} exceeds ${maxBytes} bytes`, {
                    url
                });
            }
            kept.push(next.value);
        }
    }
    catch (err) {
        if (err instanceof HttpError)
            throw err;
        throw new HttpError('HTTP_NETWORK', `reading the body of ${url.origin}${url.pathname} failed`, {
            url,
            cause: err
        });
    }
    return Buffer.concat(kept);
}
/** A response read through bulk-get.ts: chunks() lends views of its read buffer, body() copies them. */
function wrapBulkResponse(res, url) {
    return {
        status: res.status,
        headers: res.headers,
        url: url.toString(),
        ...takenOnce(url, {
            stream: () => external_node_stream_.Readable.from(copies(res.chunks())),
            chunks: () => res.chunks(),
            drop: () => res.close()
        })
    };
}
/** Lent chunks made the caller's own. */
async function* copies(chunks) {
    for await (const chunk of chunks)
        yield Buffer.from(chunk);
}

;// CONCATENATED MODULE: ./src/http/retry-policy.ts
const DEFAULT_RETRY_POLICY = {
    retries: 4,
    rateLimitRetries: 8,
    minDelayMs: 200,
    maxDelayMs: 8000,
    maxRetryAfterMs: 60000
};
function isRetryableStatus(status) {
    return status === 408 || status === 429 || (status >= 500 && status <= 599 && status !== 501);
}
/** Exponential backoff with full jitter: uniform in [0, min(max, min * 2^attempt)]. */
function backoffDelay(attempt, policy) {
    const ceiling = Math.min(policy.maxDelayMs, policy.minDelayMs * 2 ** attempt);
    return Math.floor((policy.random ?? Math.random)() * ceiling);
}
/** Retry-After as milliseconds: delta-seconds or an HTTP date; undefined when absent or unreadable. */
function parseRetryAfter(value, now = Date.now()) {
    if (!value)
        return undefined;
    const trimmed = value.trim();
    if (/^\d+$/.test(trimmed))
        return Number(trimmed) * 1000;
    const at = Date.parse(trimmed);
    if (Number.isNaN(at))
        return undefined;
    return Math.max(0, at - now);
}
/** The wait before the next attempt: the server's Retry-After when given (clamped), else jittered backoff. */
function retryDelay(attempt, policy, retryAfter) {
    const fromServer = parseRetryAfter(retryAfter);
    if (fromServer !== undefined)
        return Math.min(fromServer, policy.maxRetryAfterMs);
    return backoffDelay(attempt, policy);
}

;// CONCATENATED MODULE: ./src/http/send-once.ts






/** node:http options for one request: straight to the origin, via a tunnel agent, or absolute-form to a proxy. */
function requestOptions(url, opts, headers) {
    const base = { method: opts.method, headers };
    const route = opts.route;
    if (!route)
        return { ...base, hostname: url.hostname.replace(/^\[|\]$/g, '') };
    if (url.protocol === 'https:')
        return {
            ...base,
            hostname: url.hostname.replace(/^\[|\]$/g, ''),
            ...(route.agent ? { agent: route.agent } : {})
        };
    if (route.authorization)
        headers['proxy-authorization'] = route.authorization;
    headers.host = url.host;
    return {
        ...base,
        hostname: route.proxy.hostname.replace(/^\[|\]$/g, ''),
        port: route.proxy.port || 80,
        path: url.href
    };
}
/** One HTTP exchange over node:http(s): resolves on response headers; the body stays a live stream. */
function sendOnce(url, opts) {
    return new Promise((resolve, reject) => {
        if (opts.signal?.aborted) {
            reject(new HttpError('HTTP_NETWORK', `request to ${url.origin} aborted`, { url, cause: opts.signal.reason }));
            return;
        }
        const mod = url.protocol === 'https:' ? (external_node_https_default()) : url.protocol === 'http:' ? (external_node_http_default()) : undefined;
        if (!mod) {
            reject(new HttpError('HTTP_NETWORK', `unsupported URL scheme ${url.protocol} (use http or https)`, { url }));
            return;
        }
        const headers = {};
        opts.headers.forEach((value, name) => (headers[name] = value));
        const body = typeof opts.body === 'function' ? opts.body() : opts.body;
        if (typeof body === 'string' || Buffer.isBuffer(body))
            headers['content-length'] = String(Buffer.byteLength(body));
        else if (body === undefined && !['GET', 'HEAD', 'DELETE', 'OPTIONS'].includes(opts.method))
            headers['content-length'] = '0';
        const viaProxy = opts.route ? ` via proxy ${redactUrl(opts.route.proxy)}` : '';
        const req = opts.route && url.protocol === 'http:'
            ? external_node_http_default().request(requestOptions(url, opts, headers))
            : mod.request(url, requestOptions(url, opts, headers));
        let response;
        let settled = false;
        const fail = (err) => {
            if (response)
                response.destroy(err);
            else
                req.destroy(err);
        };
        const d = opts.deadlines;
        let headerTimer;
        let bodyTimer;
        // The headers deadline runs from the moment the request is sent in full, so uploads are not cut short.
        req.once('finish', () => {
            if (response)
                return;
            headerTimer = setTimeout(() => fail(new HttpError('HTTP_TIMEOUT', `${url.host} sent no response headers within ${formatMs(d.headersMs)} (headers deadline) for ` +
                `${opts.method} ${url.pathname}`, { url })), d.headersMs);
        });
        const onAbort = () => fail(new HttpError('HTTP_NETWORK', `request to ${url.origin} aborted`, { url, cause: opts.signal?.reason }));
        opts.signal?.addEventListener('abort', onAbort, { once: true });
        req.on('socket', socket => {
            if (!socket.connecting)
                return;
            const connectTimer = setTimeout(() => fail(new HttpError('HTTP_TIMEOUT', `could not connect to ${url.host} within ${opts.connectTimeoutMs} ms`, { url })), opts.connectTimeoutMs);
            socket.once('connect', () => clearTimeout(connectTimer));
            socket.once('close', () => clearTimeout(connectTimer));
        });
        req.setTimeout(opts.timeoutMs, () => {
            const what = response ? 'stalled while sending the body' : 'sent no response';
            fail(new HttpError('HTTP_TIMEOUT', `${url.origin} ${what} for ${opts.timeoutMs} ms`, { url }));
        });
        req.on('response', res => {
            clearTimeout(headerTimer);
            response = res;
            settled = true;
            const length = Number(res.headers['content-length'] ?? NaN);
            const bytes = Number.isFinite(length) ? length : undefined;
            const limit = bodyDeadlineMs(d, bytes);
            bodyTimer = setTimeout(() => fail(new HttpError('HTTP_TIMEOUT', `${url.host} did not send the whole body of ${opts.method} ${url.pathname} within ` +
                `${formatMs(limit)} (body deadline${bytes !== undefined ? ` for ${bytes} bytes` : ''})`, { url })), limit);
            res.once('close', () => {
                clearTimeout(bodyTimer);
                opts.signal?.removeEventListener('abort', onAbort);
            });
            resolve(res);
        });
        req.on('error', err => {
            clearTimeout(headerTimer);
            clearTimeout(bodyTimer);
            opts.signal?.removeEventListener('abort', onAbort);
            if (settled)
                return;
            settled = true;
            reject(err instanceof HttpError
                ? err
                : new HttpError('HTTP_NETWORK', `${opts.method} ${url.origin}${url.pathname}${viaProxy} failed: ${err.message}`, {
                    url,
                    cause: err
                }));
        });
        if (body instanceof external_node_stream_.Readable) {
            body.on('error', err => req.destroy(err));
            body.pipe(req);
        }
        else {
            req.end(body);
        }
    });
}

// EXTERNAL MODULE: ./src/http/version.ts
var version = __webpack_require__(33000);
;// CONCATENATED MODULE: ./src/http/client.ts













const REDIRECTS = new Set([301, 302, 303, 307, 308]);
// Answers that may be large (blobs) stay streams unless the caller asks for buffering.
const STREAMED_METHODS = new Set(['GET', 'HEAD']);
function replayable(body) {
    return !(body instanceof external_node_stream_.Readable);
}
/** The one HTTP client of the project: retries, timeouts, redirects without leaking credentials. */
function createHttpClient(opts = {}) {
    const policy = {
        retries: opts.retries ?? DEFAULT_RETRY_POLICY.retries,
        // A client given its own retry count keeps it for 429 too, unless told otherwise.
        rateLimitRetries: opts.rateLimitRetries ??
            (opts.retries !== undefined ? opts.retries : DEFAULT_RETRY_POLICY.rateLimitRetries),
        minDelayMs: opts.minDelayMs ?? DEFAULT_RETRY_POLICY.minDelayMs,
        maxDelayMs: opts.maxDelayMs ?? DEFAULT_RETRY_POLICY.maxDelayMs,
        maxRetryAfterMs: opts.maxRetryAfterMs ?? DEFAULT_RETRY_POLICY.maxRetryAfterMs,
        ...(opts.random ? { random: opts.random } : {})
    };
    // Without a log of its own, the client reports to the process-wide debug sink (RUNNER_DEBUG on a runner).
    const log = opts.log ?? debugLog;
    // The one read of process.env below the edges: proxies and deadlines apply to every client, even one a
    // library default builds without being handed the run's environment.
    const env = opts.env ?? process.env;
    const deadlines = {
        ...DEFAULT_DEADLINES,
        ...deadlinesFromEnv(env),
        ...(opts.headersTimeoutMs !== undefined ? { headersMs: opts.headersTimeoutMs } : {}),
        ...(opts.bodyTimeoutMs !== undefined ? { bodyMs: opts.bodyTimeoutMs } : {}),
        ...(opts.minBytesPerSecond !== undefined ? { minBytesPerSecond: opts.minBytesPerSecond } : {})
    };
    // A server that let one deadline pass will likely let the next pass too: one more try, not four.
    const timeoutRetries = opts.timeoutRetries ?? 1;
    const clientSignal = opts.signal;
    const userAgent = opts.userAgent ?? version/* USER_AGENT */._;
    const maxRedirects = opts.maxRedirects ?? 10;
    const connectTimeoutMs = opts.connectTimeoutMs ?? 15000;
    const routeFor = createProxyRouter(opts.proxy ?? proxySettingsFromEnv(env), connectTimeoutMs);
    async function followRedirects(start, init, headers) {
        let url = start;
        let method = (init.method ?? 'GET').toUpperCase();
        let body = init.body;
        for (let hop = 0;; hop++) {
            // Decided per hop: a redirect to storage may be on the NO_PROXY list when the registry is not.
            const route = routeFor(url);
            if (route)
                log(`${method} ${redactUrl(url)} via proxy ${redactUrl(route.proxy)}`);
            const timeoutMs = init.timeoutMs ?? opts.timeoutMs ?? 60000;
            const signal = init.signal ? { signal: init.signal } : {};
            const timing = { timeoutMs, connectTimeoutMs, deadlines };
            const res = init.bulk && method === 'GET' && !route && body === undefined
                ? wrapBulkResponse(await sendBulkGet(url, { headers, ...timing, ...signal }), url)
                : wrapResponse(await sendOnce(url, {
                    method,
                    headers,
                    ...timing,
                    ...(route ? { route } : {}),
                    ...(body !== undefined ? { body } : {}),
                    ...signal
                }), url);
            const location = res.headers.get('location');
            if (init.redirect === 'manual' || !REDIRECTS.has(res.status) || !location)
                return res;
            if (hop >= maxRedirects)
                throw new HttpError('HTTP_REDIRECT', `more than ${maxRedirects} redirects from ${redactUrl(start)}`, {
                    url
                });
            const next = new URL(location, url);
            if (res.status === 303 || ((res.status === 301 || res.status === 302) && method === 'POST')) {
                method = method === 'HEAD' ? 'HEAD' : 'GET';
                body = undefined;
                headers.delete('content-type');
            }
            else if (!replayable(body)) {
                return res; // a consumed stream cannot be sent to the new location; the caller sees the 3xx
            }
            if (next.origin !== url.origin) {
                // Blob downloads redirect to storage: registry credentials must not travel there.
                for (const name of [...headers.keys()])
                    if (isCredentialHeader(name))
                        headers.delete(name);
            }
            log(`${method} ${redactUrl(url)} -> ${res.status} redirect to ${redactUrl(next)}`);
            res.discard();
            url = next;
        }
    }
    async function request(input, given = {}) {
        const signals = [clientSignal, given.signal].filter((s) => s !== undefined);
        const init = signals.length === 0
            ? given
            : { ...given, signal: signals.length === 1 ? signals[0] : AbortSignal.any(signals) };
        const url = new URL(input.toString());
        const method = (init.method ?? 'GET').toUpperCase();
        const mayRetry = init.retry !== false && replayable(init.body);
        let timeouts = 0;
        for (let attempt = 0;; attempt++) {
            const headers = new Headers(init.headers);
            if (!headers.has('user-agent'))
                headers.set('user-agent', userAgent);
            const last = !mayRetry || attempt >= policy.retries;
            try {
                const res = await followRedirects(url, { ...init, method }, headers);
                const limit = res.status === 429 ? policy.rateLimitRetries : policy.retries;
                if (!mayRetry || attempt >= limit || !isRetryableStatus(res.status)) {
                    log(`${method} ${redactUrl(url)} -> ${res.status}`);
                    // A body that breaks off is a lost answer like any other: read it here, where it can be retried.
                    return (init.buffered ?? !STREAMED_METHODS.has(method))
                        ? bufferedResponse(res, await res.buffer())
                        : res;
                }
                const retryAfter = res.headers.get('retry-after');
                const delay = retryDelay(attempt, policy, retryAfter);
                log(`${method} ${redactUrl(url)} -> ${res.status} (${statusCause(res.status)}), retry ${attempt + 1}/${limit} ` +
                    `in ${delay} ms${retryAfter !== null ? ` (Retry-After: ${retryAfter})` : ''}`);
                res.discard();
                await (0,promises_.setTimeout)(delay, undefined, init.signal ? { signal: init.signal } : undefined);
            }
            catch (err) {
                const timedOut = err instanceof HttpError && err.code === 'HTTP_TIMEOUT';
                const retryable = err instanceof HttpError && (err.code === 'HTTP_NETWORK' || timedOut);
                if (timedOut && timeouts++ >= timeoutRetries)
                    throw err;
                if (last || !retryable || init.signal?.aborted)
                    throw err;
                const delay = backoffDelay(attempt, policy);
                log(`${method} ${redactUrl(url)} failed (${err.code}: ${err.message}), retry ${attempt + 1}/${policy.retries} in ${delay} ms`);
                await (0,promises_.setTimeout)(delay, undefined, init.signal ? { signal: init.signal } : undefined);
            }
        }
    }
    return { request };
}
/** What a retryable status means, in the words a failure message and the debug log use. */
function statusCause(status) {
    if (status === 429)
        return 'rate limited';
    if (status === 408)
        return 'request timeout';
    return status >= 500 ? 'server error' : `HTTP ${status}`;
}

;// CONCATENATED MODULE: ./src/http/shared.ts
// The one HTTP client every domain module defaults to, and the slice of it (`request`) clients take, so tests
// can hand in a tiny server-backed client.

let shared;
/** The project's one HTTP client (retries, user agent), created on first use. */
function defaultHttp() {
    shared ??= createHttpClient();
    return shared;
}

;// CONCATENATED MODULE: ./src/http/index.ts











/***/ }),

/***/ 68825:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Dc: () => (/* binding */ verifiedChunks),
/* harmony export */   Do: () => (/* binding */ DigestVerifier),
/* harmony export */   MK: () => (/* binding */ computeDigest),
/* harmony export */   Ub: () => (/* binding */ verifyDigest),
/* harmony export */   WQ: () => (/* binding */ digestProblem),
/* harmony export */   g4: () => (/* binding */ digestAlgorithm)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(57075);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_stream__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(28630);



const HEX_LENGTH = { sha256: 64, sha512: 128 };
/** Why `digest` is not an OCI digest we can check, or undefined when it is fine. */
function digestProblem(digest) {
    const colon = digest.indexOf(':');
    if (colon <= 0)
        return 'must look like sha256:<64 hex characters>';
    const algorithm = digest.slice(0, colon);
    const encoded = digest.slice(colon + 1);
    const length = HEX_LENGTH[algorithm];
    if (length === undefined)
        return `uses algorithm "${algorithm}"; only sha256 and sha512 are supported`;
    if (encoded.length !== length)
        return `${algorithm} needs ${length} hex characters, got ${encoded.length}`;
    if (!/^[0-9a-f]+$/.test(encoded))
        return `${algorithm} hex must be lower-case 0-9a-f`;
    return undefined;
}
function digestAlgorithm(digest) {
    return digest.startsWith('sha512:') ? 'sha512' : 'sha256';
}
function computeDigest(bytes, algorithm = 'sha256') {
    return `${algorithm}:${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)(algorithm).update(bytes).digest('hex')}`;
}
/** Throws DIGEST_MISMATCH unless `bytes` hash to `expected` (with the expected digest's algorithm). */
function verifyDigest(what, bytes, expected) {
    const actual = computeDigest(bytes, digestAlgorithm(expected));
    if (actual !== expected)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .DigestMismatchError */ .h(what, expected, actual);
}
/** Hashes bytes as they pass and says at the end whether they were the expected blob. */
class DigestCheck {
    what;
    expected;
    expectedSize;
    hash;
    bytes = 0;
    constructor(what, expected, expectedSize) {
        this.what = what;
        this.expected = expected;
        this.expectedSize = expectedSize;
        this.hash = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)(digestAlgorithm(expected));
    }
    update(chunk) {
        this.hash.update(chunk);
        this.bytes += chunk.length;
    }
    /** The mismatch, or undefined when digest and size are right. */
    finish() {
        const actual = `${digestAlgorithm(this.expected)}:${this.hash.digest('hex')}`;
        if (actual !== this.expected)
            return new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .DigestMismatchError */ .h(this.what, this.expected, actual);
        if (this.expectedSize !== undefined && this.bytes !== this.expectedSize) {
            return new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .DigestMismatchError */ .h(`${this.what} (size ${this.bytes}, expected ${this.expectedSize})`, this.expected, actual);
        }
        return undefined;
    }
}
/** Passes bytes through unchanged and errors with DIGEST_MISMATCH at the end if they hash wrong. */
class DigestVerifier extends node_stream__WEBPACK_IMPORTED_MODULE_1__.Transform {
    check;
    constructor(what, expected, expectedSize) {
        super();
        this.check = new DigestCheck(what, expected, expectedSize);
    }
    _transform(chunk, _enc, done) {
        this.check.update(chunk);
        done(null, chunk);
    }
    _flush(done) {
        done(this.check.finish());
    }
}
/** The same check over (possibly lent) chunks: the last step throws DIGEST_MISMATCH if they hash wrong. */
async function* verifiedChunks(chunks, what, expected, expectedSize) {
    const check = new DigestCheck(what, expected, expectedSize);
    for await (const chunk of chunks) {
        check.update(chunk);
        yield chunk;
    }
    const mismatch = check.finish();
    if (mismatch)
        throw mismatch;
}


/***/ }),

/***/ 28630:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AD: () => (/* binding */ isBlobUnknown),
/* harmony export */   Gm: () => (/* binding */ TagRaceError),
/* harmony export */   gl: () => (/* binding */ RegistryError),
/* harmony export */   h: () => (/* binding */ DigestMismatchError)
/* harmony export */ });
/* harmony import */ var _errors_index_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(28936);

/** A registry operation that failed; the message names the reference and what to do about it. */
class RegistryError extends _errors_index_js__WEBPACK_IMPORTED_MODULE_0__/* .CodedError */ .AK {
    registryCodes;
    constructor(code, message, opts = {}) {
        super(code, message, opts);
        this.name = 'RegistryError';
        if (opts.retryAfterMs !== undefined)
            this.retryAfterMs = opts.retryAfterMs;
        this.registryCodes = opts.registryCodes ?? [];
    }
}
/**
 * A manifest PUT refused for a blob it names: distribution 2.8 can lose a blob's link when parallel jobs
 * commit the same digest at once (a shared config), so the blob is uploaded again.
 */
const isBlobUnknown = (err) => err instanceof RegistryError &&
    err.status === 400 &&
    err.registryCodes.some(c => c === 'BLOB_UNKNOWN' || c === 'MANIFEST_BLOB_UNKNOWN');
/** The bytes did not hash to the digest they were asked for by. */
class DigestMismatchError extends RegistryError {
    expected;
    actual;
    constructor(what, expected, actual) {
        super('DIGEST_MISMATCH', `${what}: content hashes to ${actual}, expected ${expected}; the registry served wrong bytes`);
        this.name = 'DigestMismatchError';
        this.expected = expected;
        this.actual = actual;
    }
}
/** Parallel writers kept replacing a tag (cosign's .sig/.att, the fallback index) and ours did not stick. */
class TagRaceError extends RegistryError {
    constructor(tag, message) {
        super('TAG_WRITE_RACED', message, { tag });
        this.name = 'TagRaceError';
    }
}


/***/ }),

/***/ 66287:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Do: () => (/* reexport */ oci_digest/* DigestVerifier */.Do),
  ZN: () => (/* reexport */ reference/* ImageReference */.ZN),
  bP: () => (/* reexport */ RegistryClient),
  LN: () => (/* reexport */ oci_name/* Repository */.LN),
  a: () => (/* reexport */ chainCredentials),
  MK: () => (/* reexport */ oci_digest/* computeDigest */.MK),
  g4: () => (/* reexport */ oci_digest/* digestAlgorithm */.g4),
  WQ: () => (/* reexport */ oci_digest/* digestProblem */.WQ),
  D: () => (/* reexport */ dockerConfigCredentials),
  F2: () => (/* reexport */ reference/* parseReference */.F2),
  Fd: () => (/* reexport */ platform/* platformString */.F),
  vU: () => (/* reexport */ staticCredentials)
});

// UNUSED EXPORTS: Authenticator, DEFAULT_CHUNK_SIZE, DEFAULT_CHUNK_THRESHOLD, DOCKER_CONFIG, DOCKER_HUB, DOCKER_HUB_SERVER, DOCKER_LAYER_GZIP, DOCKER_MANIFEST, DOCKER_MANIFEST_LIST, DigestMismatchError, EMPTY_JSON_DESCRIPTOR, InvalidReferenceError, MANIFEST_ACCEPT, OCI_CONFIG, OCI_EMPTY, OCI_INDEX, OCI_LAYER, OCI_LAYER_GZIP, OCI_LAYER_ZSTD, OCI_MANIFEST, RegistryError, TagRaceError, TagWriters, anonymous, apiHost, convergeTag, describeCredential, digestTag, dockerConfigPath, isBlobUnknown, isIndexMediaType, isLoopbackRegistry, manifestMediaType, nextLink, parseChallenges, parseDigest, processTagWriters, registryBaseUrl, repositoryScope, runCredentialHelper, verifyDigest

// EXTERNAL MODULE: ./src/http/index.ts + 14 modules
var http = __webpack_require__(12685);
;// CONCATENATED MODULE: ./src/oci/auth/credentials.ts
const anonymous = { get: async () => undefined };
/** Credentials given explicitly (action inputs, CLI flags), keyed by registry host. */
function staticCredentials(byRegistry) {
    const map = new Map(Object.entries(byRegistry).map(([host, cred]) => [host.toLowerCase(), cred]));
    return { get: async (registry) => map.get(registry.toLowerCase()) };
}
/** Asks each provider in turn; the first that knows the registry wins. */
function chainCredentials(...providers) {
    return {
        get: async (registry) => {
            for (const provider of providers) {
                const found = await provider.get(registry);
                if (found)
                    return found;
            }
            return undefined;
        }
    };
}
function describeCredential(cred) {
    if (!cred)
        return 'anonymous';
    if ('password' in cred)
        return `user "${cred.username}"`;
    if ('identityToken' in cred)
        return 'an identity token';
    return 'a registry token';
}

// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(57075);
// EXTERNAL MODULE: ./src/oci/errors.ts
var errors = __webpack_require__(28630);
;// CONCATENATED MODULE: ./src/oci/auth/challenge.ts
/**
 * Parses a WWW-Authenticate value into its challenges (RFC 9110 §11.6.1): several may share one header,
 * and quoted values may contain commas and escaped quotes.
 */
function parseChallenges(header) {
    const challenges = [];
    let i = 0;
    const skip = (re) => {
        while (i < header.length && re.test(header[i]))
            i++;
    };
    const token = () => {
        const start = i;
        skip(/[!#$%&'*+.^_`|~0-9A-Za-z-]/);
        return header.slice(start, i);
    };
    while (i < header.length) {
        skip(/[\s,]/);
        const scheme = token();
        if (!scheme) {
            i++;
            continue;
        }
        const challenge = { scheme: scheme.toLowerCase(), params: {} };
        challenges.push(challenge);
        for (;;) {
            skip(/[\s,]/);
            const save = i;
            const name = token();
            skip(/\s/);
            if (!name || header[i] !== '=') {
                i = save; // the next challenge's scheme starts here
                break;
            }
            i++; // '='
            skip(/\s/);
            let value = '';
            if (header[i] === '"') {
                i++;
                while (i < header.length && header[i] !== '"') {
                    if (header[i] === '\\' && i + 1 < header.length)
                        i++;
                    value += header[i];
                    i++;
                }
                i++; // closing quote
            }
            else {
                const start = i;
                while (i < header.length && header[i] !== ',' && !/\s/.test(header[i]))
                    i++;
                value = header.slice(start, i);
            }
            challenge.params[name.toLowerCase()] = value;
        }
    }
    return challenges;
}

;// CONCATENATED MODULE: ./src/oci/auth/token.ts


const CLIENT_ID = 'oci-attest';
// Refresh a little early so a token does not expire between our check and the registry's.
const EXPIRY_MARGIN_MS = 10000;
const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/i;
/** Credentials go to a realm only over HTTPS, or to the registry's own host, or on loopback; never in the
 * clear to another host, where anyone on the path reads them. */
function assertRealmSafe(registry, realm) {
    if (realm.protocol === 'https:')
        return;
    const registryHost = registry.replace(/:\d+$/, '').toLowerCase();
    if (realm.hostname.toLowerCase() === registryHost || LOOPBACK.test(realm.hostname))
        return;
    throw new errors/* RegistryError */.gl('INSECURE_TOKEN_REALM', `${registry} sends us to the token realm ${realm.origin}${realm.pathname} over plain HTTP on another host; ` +
        `registry credentials are not sent there. Configure the registry's token realm as https://, or use a registry whose realm is on its own host`);
}
/**
 * Fetches a bearer token from the challenge's realm: OAuth2 refresh-token POST for identity tokens,
 * otherwise GET with Basic credentials when we have them (the docker token protocol).
 */
async function fetchToken(http, registry, challenge, scopes, cred, now = Date.now) {
    const realm = challenge.params.realm;
    if (!realm)
        throw new errors/* RegistryError */.gl('AUTH_FAILED', `${registry} asked for Bearer auth without a realm in WWW-Authenticate`);
    let url;
    try {
        url = new URL(realm);
    }
    catch (cause) {
        throw new errors/* RegistryError */.gl('AUTH_FAILED', `${registry} gave an unusable token realm "${realm}"`, { cause });
    }
    if (cred)
        assertRealmSafe(registry, url);
    const service = challenge.params.service;
    let res;
    if (cred && 'identityToken' in cred) {
        const form = new URLSearchParams({
            grant_type: 'refresh_token',
            refresh_token: cred.identityToken,
            client_id: CLIENT_ID
        });
        if (service)
            form.set('service', service);
        if (scopes.length)
            form.set('scope', scopes.join(' '));
        res = await http.request(url, {
            method: 'POST',
            headers: { 'content-type': 'application/x-www-form-urlencoded' },
            body: form.toString()
        });
    }
    else {
        if (service)
            url.searchParams.set('service', service);
        for (const scope of scopes)
            url.searchParams.append('scope', scope);
        const headers = {};
        if (cred && 'password' in cred)
            headers.authorization = `Basic ${Buffer.from(`${cred.username}:${cred.password}`).toString('base64')}`;
        res = await http.request(url, { headers });
    }
    if (res.status !== 200) {
        res.discard();
        throw new errors/* RegistryError */.gl(res.status === 401 || res.status === 403 ? 'AUTH_FAILED' : 'REGISTRY_ERROR', `token service ${url.origin}${url.pathname} for ${registry} answered ${res.status} to ${describeCredential(cred)} ` +
            `asking for ${scopes.join(' ') || 'no scope'}; check the credentials for ${registry}`, { status: res.status });
    }
    const body = await res.json();
    const token = body.token || body.access_token;
    if (!token)
        throw new errors/* RegistryError */.gl('AUTH_FAILED', `token service for ${registry} answered without token or access_token`);
    const issued = body.issued_at ? Date.parse(body.issued_at) : NaN;
    const start = Number.isNaN(issued) ? now() : Math.min(issued, now());
    const lifetimeMs = (body.expires_in && body.expires_in > 0 ? body.expires_in : 60) * 1000;
    return { token, expiresAt: start + lifetimeMs - EXPIRY_MARGIN_MS };
}

;// CONCATENATED MODULE: ./src/oci/auth/authenticator.ts




/** `repository:<name>:pull` or `repository:<name>:pull,push`, the scopes registries' token services know. */
function repositoryScope(repository, access) {
    return `repository:${repository}:${access === 'push' ? 'pull,push' : 'pull'}`;
}
/**
 * Turns registry challenges into Authorization headers. Remembers each registry's challenge so later
 * requests authenticate up front, and caches bearer tokens per registry + scope set until they expire.
 */
class Authenticator {
    http;
    credentials;
    now;
    challenges = new Map();
    tokens = new Map();
    constructor(http, credentials, now = Date.now) {
        this.http = http;
        this.credentials = credentials;
        this.now = now;
    }
    /** The header to send before any challenge, when this registry already challenged us once. */
    async authorization(registry, scopes) {
        const challenge = this.challenges.get(registry);
        return challenge ? this.headerFor(registry, challenge, scopes) : undefined;
    }
    /** Learns from a 401 and answers the header to retry with; throws when we have nothing to offer. */
    async onUnauthorized(registry, scopes, wwwAuthenticate, sent) {
        const challenges = parseChallenges(wwwAuthenticate ?? '');
        const challenge = challenges.find(c => c.scheme === 'bearer') ?? challenges.find(c => c.scheme === 'basic');
        if (!challenge)
            throw new errors/* RegistryError */.gl('REGISTRY_UNAUTHORIZED', `${registry} answered 401 without a Basic or Bearer challenge`, {
                status: 401
            });
        this.challenges.set(registry, challenge);
        const wanted = [...scopes];
        if (challenge.params.scope)
            for (const s of challenge.params.scope.split(' '))
                if (s && !wanted.includes(s))
                    wanted.push(s);
        if (sent)
            this.tokens.delete(this.tokenKey(registry, challenge, wanted));
        const header = await this.headerFor(registry, challenge, wanted);
        if (!header || header === sent)
            throw await this.refused(registry, wanted);
        return header;
    }
    /** The error for a registry that still answers 401 to the best we can send. */
    async refused(registry, scopes) {
        const cred = await this.credentials.get(registry);
        return new errors/* RegistryError */.gl('REGISTRY_UNAUTHORIZED', `${registry} refused ${describeCredential(cred)} for ${scopes.join(' ')}; ` +
            (cred
                ? 'check that the credentials grant this access'
                : `log in to ${registry} (docker login) or pass credentials`), { status: 401 });
    }
    tokenKey(registry, challenge, scopes) {
        return `${registry}\n${challenge.params.realm ?? ''}\n${challenge.params.service ?? ''}\n${[...scopes].sort().join(' ')}`;
    }
    async headerFor(registry, challenge, scopes) {
        const cred = await this.credentials.get(registry);
        if (challenge.scheme === 'basic') {
            if (!cred)
                return undefined;
            if (!('password' in cred))
                throw new errors/* RegistryError */.gl('AUTH_FAILED', `${registry} wants Basic auth but its credential is ${describeCredential(cred)}`);
            return `Basic ${Buffer.from(`${cred.username}:${cred.password}`).toString('base64')}`;
        }
        if (cred && 'registryToken' in cred)
            return `Bearer ${cred.registryToken}`;
        const key = this.tokenKey(registry, challenge, scopes);
        let pending = this.tokens.get(key);
        if (pending) {
            const token = await pending.catch(() => undefined);
            if (token && token.expiresAt > this.now())
                return `Bearer ${token.token}`;
            if (this.tokens.get(key) === pending)
                this.tokens.delete(key);
        }
        pending = fetchToken(this.http, registry, challenge, scopes, cred, this.now);
        this.tokens.set(key, pending);
        pending.catch(() => this.tokens.delete(key));
        return `Bearer ${(await pending).token}`;
    }
}

// EXTERNAL MODULE: ./src/oci/digest.ts
var oci_digest = __webpack_require__(68825);
// EXTERNAL MODULE: ./src/oci/reference.ts
var reference = __webpack_require__(62148);
;// CONCATENATED MODULE: ./src/oci/transport.ts





/** Authenticated requests to one or more registries' /v2/ API. */
class RegistryTransport {
    http;
    insecureRegistries;
    auth;
    constructor(http, credentials, insecureRegistries = []) {
        this.http = http;
        this.insecureRegistries = insecureRegistries;
        this.auth = new Authenticator(http, credentials);
    }
    baseUrl(registry) {
        return (0,reference/* registryBaseUrl */.mO)(registry, this.insecureRegistries);
    }
    /** `path` is /v2/... or an absolute URL (upload Locations); credentials go only to the registry's origin. */
    async request(registry, path, init) {
        const base = this.baseUrl(registry);
        const url = new URL(path.toString(), base);
        const ours = url.origin === new URL(base).origin;
        const send = async (authorization) => {
            const headers = new Headers(init.headers);
            if (authorization)
                headers.set('authorization', authorization);
            const { scopes: _scopes, ...rest } = init;
            return this.http.request(url, { ...rest, headers });
        };
        const first = ours ? await this.auth.authorization(registry, init.scopes) : undefined;
        const res = await send(first);
        if (res.status !== 401 || !ours)
            return res;
        const challenge = res.headers.get('www-authenticate');
        res.discard();
        if (init.body instanceof external_node_stream_.Readable)
            throw new errors/* RegistryError */.gl('REGISTRY_UNAUTHORIZED', `${registry} asked for credentials in the middle of a streamed upload`);
        const again = await send(await this.auth.onUnauthorized(registry, init.scopes, challenge, first));
        if (again.status !== 401)
            return again;
        again.discard();
        throw await this.auth.refused(registry, init.scopes);
    }
}
/** Reads the OCI error body (if any) and throws a RegistryError whose message says what failed where. */
function retryAfter(res) {
    const ms = (0,http/* parseRetryAfter */.mu)(res.headers.get('retry-after'));
    return ms === undefined ? {} : { retryAfterMs: ms };
}
async function registryFailure(res, what, call) {
    let detail = '';
    const registryCodes = [];
    try {
        const text = (await res.text()).slice(0, 2000);
        try {
            const body = JSON.parse(text);
            for (const e of body.errors ?? [])
                if (typeof e.code === 'string')
                    registryCodes.push(e.code);
            detail = (body.errors ?? []).map(e => [e.code, e.message].filter(Boolean).join(': ')).join('; ');
        }
        catch {
            detail = text.trim().slice(0, 300);
        }
    }
    catch {
        // the status says enough
    }
    const code = res.status === 404
        ? 'REGISTRY_NOT_FOUND'
        : res.status === 401
            ? 'REGISTRY_UNAUTHORIZED'
            : res.status === 403
                ? 'REGISTRY_DENIED'
                : res.status === 409 || res.status === 412
                    ? 'REGISTRY_CONFLICT'
                    : 'REGISTRY_ERROR';
    // Answers the client retries (429, 5xx) reach here only once retries ran out: say so, and what it means.
    const retried = (0,http/* isRetryableStatus */.PS)(res.status)
        ? ` (${(0,http/* statusCause */.Sj)(res.status)}, still failing after every retry: the registry is overloaded or failing; re-run the job later)`
        : '';
    throw new errors/* RegistryError */.gl(code, `${what}: registry answered ${res.status}${detail ? ` (${detail})` : ''}${retried}`, { status: res.status, ...retryAfter(res), ...call, registryCodes });
}

;// CONCATENATED MODULE: ./src/oci/blobs.ts
// Blob reads: streamed, digest-checked GETs and existence checks.




const DEFAULT_CHUNK_THRESHOLD = 32 * 1024 * 1024;
const DEFAULT_CHUNK_SIZE = 16 * 1024 * 1024;
function blobPath(ref, digest) {
    return `/v2/${ref.repository}/blobs/${digest}`;
}
/** The 200 answer to a blob GET, or the registry's refusal as a RegistryError. */
async function getBlob(t, ref, digest, init = {}) {
    const res = await t.request(ref.registry, blobPath(ref, digest), {
        scopes: [repositoryScope(ref.repository, 'pull')],
        ...init
    });
    if (res.status !== 200)
        return registryFailure(res, `fetching blob ${digest} from ${ref.repoString()}`, { operation: 'fetch' });
    return res;
}
const SMALL_BLOB_BYTES = 4 * 1024 * 1024;
/** Streams a blob; the stream fails with DIGEST_MISMATCH at its end if the bytes do not hash to `digest`. */
async function fetchBlob(t, ref, digest, size) {
    // A small blob is read inside the client's retry loop, so an answer that breaks off is asked for again.
    const small = size !== undefined && size <= SMALL_BLOB_BYTES;
    const res = await getBlob(t, ref, digest, small ? { buffered: true } : {});
    const verifier = new oci_digest/* DigestVerifier */.Do(`blob ${digest} from ${ref.repoString()}`, digest, size);
    return (0,external_node_stream_.pipeline)(res.body(), verifier, () => undefined);
}
/** Below this size a blob keeps the pooled connection: a new connection (TLS handshake) costs more than the copies. */
const BULK_MIN_BYTES = 1024 * 1024;
/**
 * A long read (a layer): the blob as lent chunks, each valid until the next is asked for, fetched on a
 * connection of its own (the http client's bulk path) unless it is known to be small; the last step
 * throws DIGEST_MISMATCH if the bytes do not hash to `digest`.
 */
async function blobChunks(t, ref, digest, size, signal) {
    const res = await getBlob(t, ref, digest, {
        bulk: size === undefined || size >= BULK_MIN_BYTES,
        ...(signal ? { signal } : {})
    });
    return (0,oci_digest/* verifiedChunks */.Dc)(res.chunks(), `blob ${digest} from ${ref.repoString()}`, digest, size);
}
async function blobExists(t, ref, digest) {
    const res = await t.request(ref.registry, blobPath(ref, digest), {
        method: 'HEAD',
        scopes: [repositoryScope(ref.repository, 'pull')]
    });
    res.discard();
    if (res.status === 200)
        return true;
    if (res.status === 404)
        return false;
    return registryFailure(res, `checking blob ${digest} in ${ref.repoString()}`, { operation: 'check' });
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
;// CONCATENATED MODULE: ./src/oci/blob-upload.ts
// Blob uploads: one PUT for small blobs, PATCH chunks for large ones, cross-repository mounts.







async function startUpload(t, ref, query = '', extraScopes = []) {
    const res = await t.request(ref.registry, `/v2/${ref.repository}/blobs/uploads/${query}`, {
        method: 'POST',
        scopes: [repositoryScope(ref.repository, 'push'), ...extraScopes]
    });
    if (res.status !== 202 && res.status !== 201)
        return registryFailure(res, `starting a blob upload to ${ref.repoString()}`, {
            operation: query.startsWith('?mount=') ? 'mount' : 'upload'
        });
    res.discard();
    const location = res.headers.get('location');
    if (res.status === 202 && !location)
        throw new errors/* RegistryError */.gl('REGISTRY_ERROR', `${ref.registry} started an upload without a Location header`);
    return { status: res.status, location: location ? new URL(location, t.baseUrl(ref.registry)) : undefined };
}
function withDigest(location, digest) {
    const url = new URL(location);
    url.searchParams.set('digest', digest);
    return url;
}
async function finishMonolithic(t, ref, location, data, digest, size) {
    const res = await t.request(ref.registry, withDigest(location, digest), {
        method: 'PUT',
        headers: {
            'content-type': 'application/octet-stream',
            ...(Buffer.isBuffer(data) ? {} : { 'content-length': String(size) })
        },
        body: data,
        scopes: [repositoryScope(ref.repository, 'push')]
    });
    if (res.status !== 201 && res.status !== 204)
        return registryFailure(res, `uploading blob ${digest} to ${ref.repoString()}`, { operation: 'upload' });
    res.discard();
}
async function* fixedChunks(source, chunkSize) {
    let pending = [];
    let length = 0;
    for await (const piece of source) {
        pending.push(piece);
        length += piece.length;
        while (length >= chunkSize) {
            const all = Buffer.concat(pending);
            yield all.subarray(0, chunkSize);
            pending = [all.subarray(chunkSize)];
            length = all.length - chunkSize;
        }
    }
    if (length > 0)
        yield Buffer.concat(pending);
}
async function finishChunked(t, ref, start, data, digest, size, chunkSize) {
    const hash = (0,external_node_crypto_.createHash)((0,oci_digest/* digestAlgorithm */.g4)(digest));
    const source = Buffer.isBuffer(data) ? external_node_stream_.Readable.from([data]) : data();
    let location = start;
    let offset = 0;
    for await (const chunk of fixedChunks(source, chunkSize)) {
        hash.update(chunk);
        const res = await t.request(ref.registry, location, {
            method: 'PATCH',
            headers: {
                'content-type': 'application/octet-stream',
                'content-range': `${offset}-${offset + chunk.length - 1}`
            },
            body: chunk,
            scopes: [repositoryScope(ref.repository, 'push')]
        });
        if (res.status !== 202)
            return registryFailure(res, `uploading bytes ${offset}- of blob ${digest} to ${ref.repoString()}`, {
                operation: 'upload'
            });
        res.discard();
        const next = res.headers.get('location');
        if (next)
            location = new URL(next, t.baseUrl(ref.registry));
        offset += chunk.length;
    }
    const actual = `${(0,oci_digest/* digestAlgorithm */.g4)(digest)}:${hash.digest('hex')}`;
    if (actual !== digest || offset !== size) {
        await t
            .request(ref.registry, location, {
            method: 'DELETE',
            scopes: [repositoryScope(ref.repository, 'push')]
        })
            .then(r => r.discard(), () => undefined);
        throw new errors/* DigestMismatchError */.h(`blob upload to ${ref.repoString()} (${offset} bytes, declared ${size})`, digest, actual);
    }
    await finishMonolithic(t, ref, location, Buffer.alloc(0), digest, 0);
}
async function uploadTo(t, ref, location, data, digest, size, opts) {
    if (size > (opts.chunkThreshold ?? DEFAULT_CHUNK_THRESHOLD))
        return finishChunked(t, ref, location, data, digest, size, opts.chunkSize ?? DEFAULT_CHUNK_SIZE);
    return finishMonolithic(t, ref, location, data, digest, size);
}
/**
 * Proves push access without writing anything: opens an upload session (the registry authorises a push
 * there) and cancels it. A registry that cannot cancel just lets the empty session expire.
 */
async function probeUpload(t, ref) {
    const started = await startUpload(t, ref);
    if (!started.location)
        return;
    await t
        .request(ref.registry, started.location, {
        method: 'DELETE',
        scopes: [repositoryScope(ref.repository, 'push')]
    })
        .then(r => r.discard(), () => undefined);
}
/** Blobs up to this size go in the body of the POST that opens the upload, where the registry allows it. */
const SINGLE_POST_LIMIT = 1024 * 1024;
/**
 * One POST carrying the bytes: 201 means stored; 202 opens an ordinary session the bytes go to again; a
 * refusal (no location) means the caller opens one.
 */
async function singlePost(t, ref, data, digest) {
    const res = await t.request(ref.registry, `/v2/${ref.repository}/blobs/uploads/?digest=${encodeURIComponent(digest)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/octet-stream' },
        body: data,
        scopes: [repositoryScope(ref.repository, 'push')]
    });
    // A registry that refuses the form (4xx other than auth and rate limits) gets the two-step upload instead.
    if (res.status >= 400 && res.status < 500 && ![401, 403, 429].includes(res.status)) {
        res.discard();
        return { stored: false, location: undefined };
    }
    if (res.status !== 201 && res.status !== 202)
        return registryFailure(res, `uploading blob ${digest} to ${ref.repoString()} in one POST`, {
            operation: 'upload'
        });
    res.discard();
    const location = res.headers.get('location');
    if (res.status === 201)
        return { stored: true };
    if (!location)
        throw new errors/* RegistryError */.gl('REGISTRY_ERROR', `${ref.registry} started an upload without a Location header`);
    return { stored: false, location: new URL(location, t.baseUrl(ref.registry)) };
}
/**
 * Uploads a blob unless the repository has it: one POST with the bytes where the registry supports it,
 * else POST + one PUT, or PATCH chunks above the threshold.
 */
async function uploadBlob(t, ref, data, digest, size, opts = {}) {
    if (!opts.fresh && (await blobExists(t, ref, digest)))
        return { digest, size, uploaded: false };
    let location;
    const small = size <= Math.min(SINGLE_POST_LIMIT, opts.chunkThreshold ?? DEFAULT_CHUNK_THRESHOLD);
    if (opts.singlePost && Buffer.isBuffer(data) && small) {
        const posted = await singlePost(t, ref, data, digest);
        if (posted.stored)
            return { digest, size, uploaded: true };
        opts.onSinglePostDeclined?.();
        location = posted.location ?? (await startUpload(t, ref)).location;
    }
    else {
        location = (await startUpload(t, ref)).location;
    }
    await uploadTo(t, ref, location, data, digest, size, opts);
    return { digest, size, uploaded: true };
}
/**
 * Mounts a blob from another repository of the same registry; when the registry declines (202), uploads
 * `fallback` through the session it opened instead.
 */
async function mountBlob(t, ref, digest, from, fallback, opts = {}) {
    if (from.registry !== ref.registry) {
        if (!fallback)
            return { mounted: false, uploaded: false };
        const up = await uploadBlob(t, ref, fallback.data, digest, fallback.size, opts);
        return { mounted: false, uploaded: up.uploaded };
    }
    const query = `?mount=${encodeURIComponent(digest)}&from=${encodeURIComponent(from.repository)}`;
    let started;
    try {
        started = await startUpload(t, ref, query, [repositoryScope(from.repository, 'pull')]);
    }
    catch (err) {
        // Some registries refuse an impossible mount (404 BLOB_UNKNOWN, 403 on the source) instead of answering 202.
        const status = err instanceof errors/* RegistryError */.gl ? (err.status ?? 0) : 0;
        if (!fallback || status < 400 || status >= 500 || status === 401)
            throw err;
        const up = await uploadBlob(t, ref, fallback.data, digest, fallback.size, opts);
        return { mounted: false, uploaded: up.uploaded };
    }
    if (started.status === 201)
        return { mounted: true, uploaded: false };
    if (!fallback) {
        await t
            .request(ref.registry, started.location, {
            method: 'DELETE',
            scopes: [repositoryScope(ref.repository, 'push')]
        })
            .then(r => r.discard(), () => undefined);
        return { mounted: false, uploaded: false };
    }
    await uploadTo(t, ref, started.location, fallback.data, digest, fallback.size, opts);
    return { mounted: false, uploaded: true };
}

// EXTERNAL MODULE: ./src/oci/media-types.ts
var media_types = __webpack_require__(29217);
;// CONCATENATED MODULE: ./src/oci/manifest.ts


/**
 * The media type of manifest bytes: the registry's Content-Type when it is one we know, else the JSON's own
 * `mediaType`, else inferred from the shape (OCI allows omitting mediaType).
 */
function manifestMediaType(contentType, json, what) {
    const header = contentType?.split(';')[0]?.trim();
    if (header && media_types/* MANIFEST_ACCEPT */.dY.includes(header))
        return header;
    if (typeof json !== 'object' || json === null)
        throw new errors/* RegistryError */.gl('MANIFEST_INVALID', `${what} is not a JSON object`);
    const own = json.mediaType;
    if (typeof own === 'string' && own)
        return own;
    if (Array.isArray(json.manifests))
        return 'application/vnd.oci.image.index.v1+json';
    if (json.config && Array.isArray(json.layers))
        return 'application/vnd.oci.image.manifest.v1+json';
    throw new errors/* RegistryError */.gl('MANIFEST_INVALID', `${what} has no media type and is neither a manifest nor an index`);
}

;// CONCATENATED MODULE: ./src/oci/manifests.ts






// Manifests are small; anything bigger than this is not a manifest we should hold in memory.
const MAX_MANIFEST_BYTES = 8 * 1024 * 1024;
function manifestPath(ref, identifier = ref.identifier) {
    return `/v2/${ref.repository}/manifests/${identifier}`;
}
/** GET a manifest or index, checked against the digest it was asked by (or the registry's Docker-Content-Digest). */
async function getManifest(t, ref, accept = media_types/* MANIFEST_ACCEPT */.dY) {
    const res = await t.request(ref.registry, manifestPath(ref), {
        headers: { accept: accept.join(', ') },
        scopes: [repositoryScope(ref.repository, 'pull')]
    });
    if (res.status !== 200)
        return registryFailure(res, `fetching manifest ${ref}`, { operation: 'fetch', tag: ref.tag });
    const bytes = await res.buffer(MAX_MANIFEST_BYTES);
    const claimed = res.headers.get('docker-content-digest') ?? undefined;
    const expected = ref.digest ?? claimed;
    if (expected)
        (0,oci_digest/* verifyDigest */.Ub)(`manifest ${ref}`, bytes, expected);
    let json;
    try {
        json = JSON.parse(bytes.toString('utf8'));
    }
    catch (cause) {
        throw new errors/* RegistryError */.gl('MANIFEST_INVALID', `manifest ${ref} is not valid JSON`, { cause });
    }
    const digest = expected ?? (0,oci_digest/* computeDigest */.MK)(bytes);
    const etag = res.headers.get('etag') ?? undefined;
    return {
        digest,
        mediaType: manifestMediaType(res.headers.get('content-type'), json, `manifest ${ref}`),
        bytes,
        json,
        size: bytes.length,
        ...(etag ? { etag } : {})
    };
}
/** HEAD a manifest: undefined when absent; falls back to GET + hash when the registry gives no digest. */
async function headManifest(t, ref, accept = media_types/* MANIFEST_ACCEPT */.dY) {
    const res = await t.request(ref.registry, manifestPath(ref), {
        method: 'HEAD',
        headers: { accept: accept.join(', ') },
        scopes: [repositoryScope(ref.repository, 'pull')]
    });
    res.discard();
    if (res.status === 404)
        return undefined;
    const digest = res.headers.get('docker-content-digest');
    const mediaType = res.headers.get('content-type')?.split(';')[0]?.trim();
    const size = Number(res.headers.get('content-length'));
    if (res.status === 200 &&
        digest &&
        (!ref.digest || digest === ref.digest) &&
        mediaType &&
        accept.includes(mediaType))
        return { digest, mediaType, size };
    if (res.status !== 200 && res.status !== 405)
        return registryFailure(res, `checking manifest ${ref}`, { operation: 'check', tag: ref.tag });
    const full = await getManifest(t, ref, accept).catch((err) => {
        if (err instanceof errors/* RegistryError */.gl && err.code === 'REGISTRY_NOT_FOUND')
            return undefined;
        throw err;
    });
    return full && { digest: full.digest, mediaType: full.mediaType, size: full.size };
}
/** PUT a manifest by tag or digest; answers the digest of the bytes, checked against the registry's. */
async function putManifest(t, ref, bytes, mediaType, opts = {}) {
    const algorithm = ref.digest ? (0,oci_digest/* digestAlgorithm */.g4)(ref.digest) : 'sha256';
    const digest = (0,oci_digest/* computeDigest */.MK)(bytes, algorithm);
    if (ref.digest && ref.digest !== digest)
        throw new errors/* DigestMismatchError */.h(`manifest to push as ${ref}`, ref.digest, digest);
    const headers = { 'content-type': mediaType };
    if (opts.ifMatch)
        headers['if-match'] = opts.ifMatch;
    const res = await t.request(ref.registry, manifestPath(ref), {
        method: 'PUT',
        headers,
        body: bytes,
        scopes: [repositoryScope(ref.repository, 'push')],
        ...(opts.retry === false ? { retry: false } : {})
    });
    if (res.status !== 201 && res.status !== 200 && res.status !== 204)
        return registryFailure(res, `pushing manifest ${ref}`, { operation: 'push', tag: ref.tag });
    res.discard();
    const theirs = res.headers.get('docker-content-digest');
    if (theirs && (0,oci_digest/* digestAlgorithm */.g4)(theirs) === algorithm && theirs !== digest)
        throw new errors/* DigestMismatchError */.h(`manifest pushed as ${ref} (the registry rewrote it)`, digest, theirs);
    return { digest, status: res.status };
}

// EXTERNAL MODULE: ./src/oci/name.ts
var oci_name = __webpack_require__(51882);
;// CONCATENATED MODULE: ./src/oci/referrers.ts






const MAX_PAGES = 100;
function isIndexContentType(value) {
    // Exactly the index media type; parameters such as charset are tolerated, other types are not.
    return value?.split(';')[0]?.trim() === media_types/* OCI_INDEX */.$p;
}
/** `<...>; rel="next"` from a Link header, resolved against the request URL. */
function nextLink(link, base) {
    if (!link)
        return undefined;
    for (const part of link.split(/,(?=\s*<)/)) {
        const match = /^\s*<([^>]*)>(.*)$/.exec(part);
        if (match && /;\s*rel="?next"?/i.test(match[2]))
            return new URL(match[1], base);
    }
    return undefined;
}
/**
 * Whether the repository serves the referrers API: 200 with the index content type. A 404, or a 200 with
 * another type (registries that only echo OCI-Subject), means no. `definitive` is false when the answer was
 * "no such repository", which some referrers-capable registries give before the first push.
 */
async function probeReferrersApi(t, ref) {
    const digest = ref.digest ?? media_types/* EMPTY_JSON_DESCRIPTOR */.F1.digest;
    const res = await t.request(ref.registry, `/v2/${ref.repository}/referrers/${digest}`, {
        headers: { accept: media_types/* OCI_INDEX */.$p },
        scopes: [repositoryScope(ref.repository, 'pull')]
    });
    if (res.status >= 500 || res.status === 401 || res.status === 429)
        return registryFailure(res, `probing the referrers API of ${ref.repoString()}`, { operation: 'probe' });
    const supported = res.status === 200 && isIndexContentType(res.headers.get('content-type'));
    let definitive = true;
    if (res.status === 404 && /json/.test(res.headers.get('content-type') ?? '')) {
        const body = await res.text().catch(() => '');
        definitive = !body.includes('NAME_UNKNOWN');
    }
    else {
        res.discard();
    }
    return { supported, definitive };
}
function matching(descriptors, artifactType) {
    return artifactType ? descriptors.filter(d => d.artifactType === artifactType) : descriptors;
}
async function listReferrersViaApi(t, ref, subject, artifactType) {
    const found = [];
    let url = new URL(`/v2/${ref.repository}/referrers/${subject}`, t.baseUrl(ref.registry));
    if (artifactType)
        url.searchParams.set('artifactType', artifactType);
    for (let page = 0; url && page < MAX_PAGES; page++) {
        const res = await t.request(ref.registry, url, {
            headers: { accept: media_types/* OCI_INDEX */.$p },
            scopes: [repositoryScope(ref.repository, 'pull')]
        });
        if (res.status !== 200)
            return registryFailure(res, `listing referrers of ${ref.repoString()}@${subject}`, {
                operation: 'list'
            });
        const index = await res.json();
        found.push(...(index.manifests ?? []));
        url = nextLink(res.headers.get('link'), url.toString());
    }
    return matching(found, artifactType); // registries may ignore the filter (no OCI-Filters-Applied)
}
async function readFallbackIndex(t, ref, subject) {
    const tagRef = ref.withTag((0,oci_name/* digestTag */.t9)(subject));
    try {
        const fetched = await getManifest(t, tagRef, [media_types/* OCI_INDEX */.$p]);
        if (!Array.isArray(fetched.json.manifests))
            throw new errors/* RegistryError */.gl('MANIFEST_INVALID', `${tagRef} should hold the referrers fallback index but holds ${fetched.mediaType}; delete that tag`);
        return {
            index: fetched.json,
            digest: fetched.digest,
            ...(fetched.etag ? { etag: fetched.etag } : {})
        };
    }
    catch (err) {
        if (err instanceof errors/* RegistryError */.gl && err.code === 'REGISTRY_NOT_FOUND')
            return undefined;
        throw err;
    }
}
async function listReferrersViaTag(t, ref, subject, artifactType) {
    const found = await readFallbackIndex(t, ref, subject);
    return matching(found?.index.manifests ?? [], artifactType);
}
/**
 * The `sha256-<hex>` fallback index as a tag of descriptors (one per referrer manifest) for convergeTag:
 * created on first write, updated with If-Match where the registry gave an ETag.
 */
function fallbackIndexSpec(t, ref, subject) {
    const tagRef = ref.withTag((0,oci_name/* digestTag */.t9)(subject));
    return {
        tag: tagRef.toString(),
        key: d => d.digest,
        read: async () => {
            const found = await readFallbackIndex(t, ref, subject);
            return found && { ...found, entries: found.index.manifests };
        },
        write: async (current, entries) => {
            const index = {
                ...(current?.index ?? { schemaVersion: 2, mediaType: media_types/* OCI_INDEX */.$p }),
                manifests: entries
            };
            const bytes = Buffer.from(JSON.stringify(index));
            const etag = current?.etag;
            // Not retried here: convergeTag re-reads and re-merges, so a late write cannot drop a newer entry.
            const opts = { retry: false, ...(etag ? { ifMatch: etag } : {}) };
            return (await putManifest(t, tagRef, bytes, media_types/* OCI_INDEX */.$p, opts)).digest;
        }
    };
}

// EXTERNAL MODULE: ./src/oci/tag-writer.ts
var tag_writer = __webpack_require__(48841);
;// CONCATENATED MODULE: ./src/oci/registry-client.ts












const toRef = (ref) => (typeof ref === 'string' ? (0,reference/* parseReference */.F2)(ref) : ref);
/** Talks to OCI registries: manifests, blobs and referrers, with auth and digest checks on everything read. */
class RegistryClient {
    transport;
    referrersApi = new Map();
    // The first definitive probe per registry: a "no" holds for all its repositories (see supportsReferrersApi).
    registryProbe = new Map();
    tagWriters;
    log;
    upload;
    uploads = new Map();
    // registry@digest → the repository this client put (or found) that blob in first, to mount it from.
    holders = new Map();
    // Registries that answered a single-POST upload with an ordinary session: bytes go in the PUT only.
    noSinglePost = new Set();
    constructor(opts = {}) {
        this.transport = new RegistryTransport(opts.http ?? (0,http/* createHttpClient */.uT)(), opts.credentials ?? anonymous, opts.insecureRegistries ?? []);
        this.tagWriters = opts.tagWriters ?? tag_writer/* processTagWriters */.IQ;
        this.log = opts.log;
        this.upload = {
            ...(opts.chunkThreshold !== undefined ? { chunkThreshold: opts.chunkThreshold } : {}),
            ...(opts.chunkSize !== undefined ? { chunkSize: opts.chunkSize } : {})
        };
    }
    getManifest(ref, opts = {}) {
        return getManifest(this.transport, toRef(ref), opts.accept ?? media_types/* MANIFEST_ACCEPT */.dY);
    }
    /** Throws (the registry's refusal) unless the repository accepts pushes; writes nothing. */
    checkPushAccess(repo) {
        return probeUpload(this.transport, toRef(repo));
    }
    headManifest(ref, opts = {}) {
        return headManifest(this.transport, toRef(ref), opts.accept ?? media_types/* MANIFEST_ACCEPT */.dY);
    }
    /** The digest a tag (or digest) reference points at; throws REGISTRY_NOT_FOUND when absent. */
    async resolveDigest(ref) {
        const r = toRef(ref);
        if (r.digest)
            return r.digest;
        const head = await this.headManifest(r);
        // headManifest already answered a 404 (and fell back to GET where HEAD is refused): no second request.
        if (!head)
            throw new errors/* RegistryError */.gl('REGISTRY_NOT_FOUND', `fetching manifest ${r}: registry answered 404`, {
                status: 404,
                operation: 'fetch',
                tag: r.tag
            });
        return head.digest;
    }
    /** `ifMatch`: replace only the version with that ETag (registries that ignore it replace any). */
    async putManifest(ref, bytes, mediaType, opts = {}) {
        const { digest } = await putManifest(this.transport, toRef(ref), bytes, mediaType, opts);
        return { digest };
    }
    fetchBlob(repo, digest, size) {
        return fetchBlob(this.transport, toRef(repo), digest, size);
    }
    /** A long read (a layer) as lent, digest-checked chunks: copy what you keep before asking for the next. */
    blobChunks(repo, digest, size, signal) {
        return blobChunks(this.transport, toRef(repo), digest, size, signal);
    }
    /** A small blob (config, signature layer) read whole, digest-checked. */
    async readBlob(repo, digest, size) {
        const chunks = [];
        for await (const chunk of await this.fetchBlob(repo, digest, size))
            chunks.push(chunk);
        return Buffer.concat(chunks);
    }
    blobExists(repo, digest) {
        return blobExists(this.transport, toRef(repo), digest);
    }
    /**
     * Concurrent uploads of one digest to one repository share a single upload: distribution 2.8 can lose the
     * blob link when two sessions commit the same digest at once (seen with the empty config blob).
     * `fresh`: the bytes were made by this run (they hold a new signature), so no HEAD asks whether they exist.
     */
    uploadBlob(repo, data, digest, size, opts = {}) {
        const r = toRef(repo);
        const key = `${r.repoString()}@${digest}`;
        let pending = this.uploads.get(key);
        if (!pending) {
            pending = this.sendBlob(r, data, digest, size, opts);
            this.uploads.set(key, pending);
            const forget = () => this.uploads.delete(key);
            pending.then(forget, forget);
        }
        return pending;
    }
    /**
     * A blob another repository of the registry got from this client (or is getting: that upload is awaited)
     * is mounted from there: one POST instead of HEAD + POST + PUT, and no second copy of the bytes to write.
     */
    sendBlob(r, data, digest, size, opts) {
        const plain = () => uploadBlob(this.transport, r, data, digest, size, {
            ...this.upload,
            ...opts,
            singlePost: !this.noSinglePost.has(r.registry),
            onSinglePostDeclined: () => this.noSinglePost.add(r.registry)
        });
        if (opts.fresh)
            return plain(); // new bytes are in no other repository
        const where = `${r.registry}@${digest}`;
        const earlier = this.holders.get(where);
        const attempt = (async () => {
            const holder = await earlier;
            if (holder && holder.repository !== r.repository) {
                const mounted = await mountBlob(this.transport, r, digest, holder, { data, size }, this.upload).then(m => ({ digest, size, uploaded: m.uploaded }), () => undefined // a refused mount costs one request; the plain path follows
                );
                if (mounted)
                    return mounted;
            }
            return plain();
        })();
        const held = attempt.then(() => r, () => undefined);
        // The first repository that got the blob stays its holder; a failed one gives way to the next.
        this.holders.set(where, earlier ? earlier.then(h => h ?? held) : held);
        return attempt;
    }
    /** Mount `digest` from `from` (same registry); uploads `fallback` when the registry will not mount. */
    mountBlob(repo, digest, from, fallback) {
        return mountBlob(this.transport, toRef(repo), digest, toRef(from), fallback, this.upload);
    }
    /**
     * Cached per repository (not while the repository does not exist yet); see probeReferrersApi. A registry
     * that definitively lacks the API for one repository is taken to lack it for all: wrongly so would only
     * add a fallback tag that API clients ignore, while a "yes" is never shared (it would drop the tag).
     */
    supportsReferrersApi(repo) {
        const r = toRef(repo);
        const key = r.repoString();
        let known = this.referrersApi.get(key);
        if (!known) {
            const first = this.registryProbe.get(r.registry);
            const own = () => probeReferrersApi(this.transport, r);
            const probe = first ? first.then(p => (p.definitive && !p.supported ? p : own()), own) : own();
            if (!first) {
                this.registryProbe.set(r.registry, probe);
                probe.then(p => (p.definitive ? undefined : this.registryProbe.delete(r.registry)), () => this.registryProbe.delete(r.registry));
            }
            known = probe.then(p => p.supported);
            this.referrersApi.set(key, known);
            probe.then(p => (p.definitive ? undefined : this.referrersApi.delete(key)), () => this.referrersApi.delete(key));
        }
        return known;
    }
    async listReferrers(repo, digest, artifactType) {
        const r = toRef(repo);
        return (await this.supportsReferrersApi(r))
            ? listReferrersViaApi(this.transport, r, digest, artifactType)
            : listReferrersViaTag(this.transport, r, digest, artifactType);
    }
    /**
     * Adds a referrer to the `sha256-<hex>` fallback index and returns once a re-read holds it: convergeTag
     * re-merges when a parallel job overwrote the index. Adds that arrive while a write waits share it.
     */
    async addReferrerToFallbackIndex(repo, subjectDigest, descriptor) {
        const r = toRef(repo);
        const spec = fallbackIndexSpec(this.transport, r, subjectDigest);
        const { current, added } = await this.tagWriters.add(`${r.repoString()}:${(0,oci_name/* digestTag */.t9)(subjectDigest)}`, [descriptor], spec, this.log ? { log: this.log } : {});
        return added.includes(descriptor.digest) ? { changed: true, digest: current.digest } : { changed: false };
    }
}

// EXTERNAL MODULE: ./src/oci/platform.ts
var platform = __webpack_require__(1890);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(31421);
;// CONCATENATED MODULE: ./src/oci/auth/cred-helper.ts


const NOT_FOUND = /credentials not found|not found in native keychain|no credentials/i;
/**
 * Runs `docker-credential-<name> get` with the server URL on stdin (the docker credential-helper protocol).
 * Undefined when the helper has nothing for the server; errors when the helper itself fails.
 */
function runCredentialHelper(name, serverUrl, env) {
    const program = `docker-credential-${name}`;
    return new Promise((resolve, reject) => {
        const child = (0,external_node_child_process_.execFile)(program, ['get'], { env, timeout: 30000, maxBuffer: 1024 * 1024 }, (err, stdout, stderr) => {
            const out = `${stdout}`.trim();
            if (err) {
                if (NOT_FOUND.test(out) || NOT_FOUND.test(`${stderr}`))
                    return resolve(undefined);
                const why = err.code === 'ENOENT'
                    ? 'is not on PATH'
                    : `failed (${err.message.split('\n')[0]})`;
                return reject(new errors/* RegistryError */.gl('CREDENTIALS_UNAVAILABLE', `credential helper ${program} ${why} while looking up ${serverUrl}; install it or remove it from the docker config`, { cause: err }));
            }
            let parsed;
            try {
                parsed = JSON.parse(out);
            }
            catch (cause) {
                return reject(new errors/* RegistryError */.gl('CREDENTIALS_UNAVAILABLE', `credential helper ${program} printed something other than JSON for ${serverUrl}`, { cause }));
            }
            if (!parsed.Secret)
                return resolve(undefined);
            if (parsed.Username === '<token>')
                return resolve({ identityToken: parsed.Secret });
            resolve({ username: parsed.Username ?? '', password: parsed.Secret });
        });
        child.stdin?.on('error', () => undefined);
        child.stdin?.end(serverUrl);
    });
}

;// CONCATENATED MODULE: ./src/oci/auth/docker-config.ts






/** The server URL docker itself stores Docker Hub credentials under. */
const DOCKER_HUB_SERVER = 'https://index.docker.io/v1/';
function dockerConfigPath(env) {
    return (0,external_node_path_.join)(env.DOCKER_CONFIG || (0,external_node_path_.join)((0,external_node_os_.homedir)(), '.docker'), 'config.json');
}
/** `https://ghcr.io/v2/` and `ghcr.io` name the same host; docker's own key normalisation. */
function keyHost(key) {
    const host = key.replace(/^[a-z]+:\/\//i, '').split('/')[0] ?? '';
    const lower = host.toLowerCase();
    return reference/* DOCKER_HUB_ALIASES */.Kd.has(lower) ? reference/* DOCKER_HUB */.Xb : lower;
}
function fromEntry(entry, path, key) {
    if (entry.identitytoken)
        return { identityToken: entry.identitytoken };
    if (entry.registrytoken)
        return { registryToken: entry.registrytoken };
    if (entry.auth) {
        const decoded = Buffer.from(entry.auth, 'base64').toString('utf8');
        const colon = decoded.indexOf(':');
        if (colon < 0)
            throw new errors/* RegistryError */.gl('CREDENTIALS_UNAVAILABLE', `${path}: auths["${key}"].auth is not base64 of "user:password"`);
        return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
    }
    if (entry.username && entry.password)
        return { username: entry.username, password: entry.password };
    return undefined;
}
/** Credentials from docker's config: credHelpers, then credsStore, then auths; hosts match exactly. */
function dockerConfigCredentials(opts) {
    const env = opts.env;
    const path = opts.path ?? dockerConfigPath(env);
    const runHelper = opts.runHelper ?? runCredentialHelper;
    let config;
    const found = new Map();
    const load = async () => {
        let text;
        try {
            text = await (0,promises_.readFile)(path, 'utf8');
        }
        catch (err) {
            if (err.code === 'ENOENT')
                return undefined;
            throw new errors/* RegistryError */.gl('CREDENTIALS_UNAVAILABLE', `cannot read docker config ${path}`, { cause: err });
        }
        try {
            return JSON.parse(text);
        }
        catch (cause) {
            throw new errors/* RegistryError */.gl('CREDENTIALS_UNAVAILABLE', `docker config ${path} is not valid JSON; fix or remove it`, { cause });
        }
    };
    const lookup = async (registry) => {
        const file = await (config ??= load());
        if (!file)
            return undefined;
        const host = keyHost(registry);
        const serverUrl = host === reference/* DOCKER_HUB */.Xb ? DOCKER_HUB_SERVER : host;
        const helper = Object.entries(file.credHelpers ?? {}).find(([key]) => keyHost(key) === host)?.[1];
        if (helper)
            return runHelper(helper, serverUrl, env);
        if (file.credsStore) {
            const stored = await runHelper(file.credsStore, serverUrl, env);
            if (stored)
                return stored;
        }
        const entry = Object.entries(file.auths ?? {}).find(([key]) => keyHost(key) === host);
        return entry ? fromEntry(entry[1], path, entry[0]) : undefined;
    };
    return {
        get: registry => {
            const key = registry.toLowerCase();
            let hit = found.get(key);
            if (!hit) {
                hit = lookup(key);
                found.set(key, hit);
                hit.catch(() => found.delete(key));
            }
            return hit;
        }
    };
}

;// CONCATENATED MODULE: ./src/oci/index.ts


















/***/ }),

/***/ 29217:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $$: () => (/* binding */ isIndexMediaType),
/* harmony export */   $p: () => (/* binding */ OCI_INDEX),
/* harmony export */   EG: () => (/* binding */ OCI_MANIFEST),
/* harmony export */   F1: () => (/* binding */ EMPTY_JSON_DESCRIPTOR),
/* harmony export */   TF: () => (/* binding */ OCI_CONFIG),
/* harmony export */   dY: () => (/* binding */ MANIFEST_ACCEPT)
/* harmony export */ });
/* unused harmony exports OCI_EMPTY, OCI_LAYER, OCI_LAYER_GZIP, OCI_LAYER_ZSTD, DOCKER_MANIFEST, DOCKER_MANIFEST_LIST, DOCKER_CONFIG, DOCKER_LAYER_GZIP */
const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
const OCI_INDEX = 'application/vnd.oci.image.index.v1+json';
const OCI_CONFIG = 'application/vnd.oci.image.config.v1+json';
const OCI_EMPTY = 'application/vnd.oci.empty.v1+json';
const OCI_LAYER = 'application/vnd.oci.image.layer.v1.tar';
const OCI_LAYER_GZIP = 'application/vnd.oci.image.layer.v1.tar+gzip';
const OCI_LAYER_ZSTD = 'application/vnd.oci.image.layer.v1.tar+zstd';
const DOCKER_MANIFEST = 'application/vnd.docker.distribution.manifest.v2+json';
const DOCKER_MANIFEST_LIST = 'application/vnd.docker.distribution.manifest.list.v2+json';
const DOCKER_CONFIG = 'application/vnd.docker.container.image.v1+json';
const DOCKER_LAYER_GZIP = 'application/vnd.docker.image.rootfs.diff.tar.gzip';
/** The empty JSON blob `{}` that OCI artifacts use as config. */
const EMPTY_JSON_DESCRIPTOR = {
    mediaType: OCI_EMPTY,
    digest: 'sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a',
    size: 2
};
/** Everything we can read, so registries do not down-convert or refuse (schema 1 is left out on purpose). */
const MANIFEST_ACCEPT = [OCI_MANIFEST, OCI_INDEX, DOCKER_MANIFEST, DOCKER_MANIFEST_LIST];
function isIndexMediaType(mediaType) {
    return mediaType === OCI_INDEX || mediaType === DOCKER_MANIFEST_LIST;
}


/***/ }),

/***/ 51882:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   LN: () => (/* binding */ Repository),
/* harmony export */   m: () => (/* binding */ parseDigest),
/* harmony export */   t9: () => (/* binding */ digestTag)
/* harmony export */ });
/* harmony import */ var _digest_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(68825);
/* harmony import */ var _reference_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(62148);
// Names with types, parsed once: a checked digest and a repository that cannot carry a tag or digest.


function parseDigest(text, where = text) {
    const problem = (0,_digest_js__WEBPACK_IMPORTED_MODULE_0__/* .digestProblem */ .WQ)(text);
    if (problem)
        throw new _reference_js__WEBPACK_IMPORTED_MODULE_1__/* .InvalidReferenceError */ .x_(where, `digest "${text}" ${problem}`);
    return text;
}
/** `sha256:<hex>` → `sha256-<hex>`: the tag cosign's layout and the referrers fallback index are named by. */
function digestTag(digest) {
    return digest.replace(':', '-').slice(0, 128);
}
/** `registry/repository`, never a tag or digest (so nothing quietly means `:latest`). */
class Repository extends _reference_js__WEBPACK_IMPORTED_MODULE_1__/* .ImageReference */ .ZN {
    constructor(registry, repository) {
        super(registry, repository);
    }
    /** A repository, with or without tag/digest given: only the name is kept. */
    static of(ref) {
        return ref instanceof Repository ? ref : new Repository(ref.registry, ref.repository);
    }
    /** `registry/repository`; a tag or digest in the text is an error that says so. */
    static parse(text) {
        const ref = (0,_reference_js__WEBPACK_IMPORTED_MODULE_1__/* .parseReference */ .F2)(text);
        // parseReference adds `latest` to a bare name; only a tag written in the text is refused.
        if (ref.digest || text.endsWith(`:${ref.tag}`))
            throw new _reference_js__WEBPACK_IMPORTED_MODULE_1__/* .InvalidReferenceError */ .x_(text, 'must be registry/repository, without a tag or digest');
        return Repository.of(ref);
    }
    /** The manifest of this repository by digest. */
    at(digest) {
        return this.withDigest(digest);
    }
    toString() {
        return this.repoString();
    }
}


/***/ }),

/***/ 1890:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   F: () => (/* binding */ platformString)
/* harmony export */ });
function platformString(p) {
    if (!p)
        return 'unknown/unknown';
    return [p.os || 'unknown', p.architecture || 'unknown', ...(p.variant ? [p.variant] : [])].join('/');
}


/***/ }),

/***/ 62148:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   F2: () => (/* binding */ parseReference),
/* harmony export */   Kd: () => (/* binding */ DOCKER_HUB_ALIASES),
/* harmony export */   Xb: () => (/* binding */ DOCKER_HUB),
/* harmony export */   ZN: () => (/* binding */ ImageReference),
/* harmony export */   mO: () => (/* binding */ registryBaseUrl),
/* harmony export */   x_: () => (/* binding */ InvalidReferenceError)
/* harmony export */ });
/* unused harmony exports isLoopbackRegistry, apiHost */
/* harmony import */ var _errors_index_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(28936);
/* harmony import */ var _digest_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(68825);


const DOCKER_HUB = 'index.docker.io';
/** Host names that all mean Docker Hub (references and docker config entries alike). */
const DOCKER_HUB_ALIASES = new Set([
    'docker.io',
    'index.docker.io',
    'registry-1.docker.io',
    'registry.hub.docker.com'
]);
const TAG = /^[\w][\w.-]{0,127}$/;
const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const DOMAIN = /^(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*|\[[0-9a-fA-F:.]+\])(?::\d{1,5})?$/;
/** An image reference that failed to parse; the message quotes it and says what to change. */
class InvalidReferenceError extends _errors_index_js__WEBPACK_IMPORTED_MODULE_0__/* .CodedError */ .AK {
    reference;
    constructor(reference, problem) {
        super('INVALID_REFERENCE', `invalid image reference "${reference}": ${problem}`);
        this.name = 'ReferenceError';
        this.reference = reference;
    }
}
/** A normalised reference: registry host (Docker Hub is index.docker.io), repository, tag and/or digest. */
class ImageReference {
    registry;
    repository;
    tag;
    digest;
    constructor(registry, repository, tag, digest) {
        this.registry = registry;
        this.repository = repository;
        this.tag = tag;
        this.digest = digest;
    }
    /** registry/repository, the name cosign puts in docker-reference. */
    repoString() {
        return `${this.registry}/${this.repository}`;
    }
    /** What goes after /manifests/: the digest when known, else the tag. */
    get identifier() {
        return this.digest ?? this.tag ?? 'latest';
    }
    withDigest(digest) {
        const problem = (0,_digest_js__WEBPACK_IMPORTED_MODULE_1__/* .digestProblem */ .WQ)(digest);
        if (problem)
            throw new InvalidReferenceError(`${this.repoString()}@${digest}`, `digest ${problem}`);
        return new ImageReference(this.registry, this.repository, undefined, digest);
    }
    withTag(tag) {
        if (!TAG.test(tag))
            throw new InvalidReferenceError(`${this.repoString()}:${tag}`, tagProblem(tag));
        return new ImageReference(this.registry, this.repository, tag, undefined);
    }
    toString() {
        return `${this.repoString()}${this.tag ? `:${this.tag}` : ''}${this.digest ? `@${this.digest}` : ''}`;
    }
}
function tagProblem(tag) {
    if (tag === '')
        return 'the tag after ":" is empty';
    if (tag.length > 128)
        return `tag "${tag.slice(0, 20)}..." is ${tag.length} characters long; the limit is 128`;
    return `tag "${tag}" may contain only letters, digits, "_", "." and "-", and must not start with "." or "-"`;
}
function isDomain(component) {
    return (component.includes('.') ||
        component.includes(':') ||
        component === 'localhost' ||
        component.startsWith('['));
}
/** Parses `[registry/]repository[:tag][@digest]`; a bare name means Docker Hub and `library/`, no tag means latest. */
function parseReference(input) {
    const fail = (problem) => {
        throw new InvalidReferenceError(input, problem);
    };
    if (input === '')
        fail('it is empty; expected registry/repository[:tag][@digest]');
    if (/\s/.test(input))
        fail('it contains whitespace');
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(input))
        fail('remove the URL scheme; references have none (e.g. ghcr.io/org/app:1.0)');
    let rest = input;
    let digest;
    const at = rest.indexOf('@');
    if (at >= 0) {
        digest = rest.slice(at + 1);
        rest = rest.slice(0, at);
        if (digest.includes('@'))
            fail('it has more than one "@"; only one digest may follow the name');
        const problem = (0,_digest_js__WEBPACK_IMPORTED_MODULE_1__/* .digestProblem */ .WQ)(digest);
        if (problem)
            fail(`digest "${digest}" ${problem}`);
    }
    let tag;
    const colon = rest.lastIndexOf(':');
    if (colon > rest.lastIndexOf('/') && !rest.endsWith(']')) {
        tag = rest.slice(colon + 1);
        rest = rest.slice(0, colon);
        if (!TAG.test(tag))
            fail(tagProblem(tag));
    }
    if (rest === '')
        fail('the repository name is missing');
    const slash = rest.indexOf('/');
    let registry = 'docker.io';
    let repository = rest;
    if (slash >= 0 && isDomain(rest.slice(0, slash))) {
        registry = rest.slice(0, slash);
        repository = rest.slice(slash + 1);
    }
    else if (slash < 0 && isDomain(rest) && rest.includes('.') && tag === undefined && digest === undefined) {
        fail(`"${rest}" looks like a registry host; add the repository (e.g. ${rest}/org/app)`);
    }
    if (!DOMAIN.test(registry))
        fail(`registry "${registry}" is not a valid host[:port]`);
    const port = /:(\d+)$/.exec(registry)?.[1];
    if (port !== undefined && (Number(port) === 0 || Number(port) > 65535))
        fail(`registry port ${port} is out of range`);
    registry = registry.toLowerCase();
    if (DOCKER_HUB_ALIASES.has(registry)) {
        registry = DOCKER_HUB;
        if (!repository.includes('/'))
            repository = `library/${repository}`;
    }
    if (repository === '')
        fail('the repository name is missing after the registry');
    for (const component of repository.split('/')) {
        if (PATH_COMPONENT.test(component))
            continue;
        if (PATH_COMPONENT.test(component.toLowerCase()))
            fail(`repository "${repository}" must be lower case`);
        if (component === '')
            fail(`repository "${repository}" has an empty path component (a doubled or trailing "/")`);
        fail(`repository component "${component}" may contain only a-z, 0-9 and the separators ".", "_", "__", "-", ` +
            'and must start and end with a letter or digit');
    }
    if (registry.length + 1 + repository.length > 255)
        fail('the name is longer than 255 characters');
    if (tag === undefined && digest === undefined)
        tag = 'latest';
    return new ImageReference(registry, repository, tag, digest);
}
/** Whether a registry is on this machine (spoken to over plain HTTP, like docker and cosign do). */
function isLoopbackRegistry(registry) {
    const host = registry.replace(/:\d+$/, '').toLowerCase();
    return host === 'localhost' || host === '[::1]' || /^127(?:\.\d{1,3}){3}$/.test(host);
}
/** The host that serves the registry API: Docker Hub's differs from its name. */
function apiHost(registry) {
    return registry === DOCKER_HUB ? 'registry-1.docker.io' : registry;
}
/** https://host, or http://host for loopback registries and those listed as insecure. */
function registryBaseUrl(registry, insecureRegistries = []) {
    const plain = isLoopbackRegistry(registry) || insecureRegistries.some(r => r.toLowerCase() === registry);
    return `${plain ? 'http' : 'https'}://${apiHost(registry)}`;
}


/***/ }),

/***/ 48841:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   IQ: () => (/* binding */ processTagWriters)
/* harmony export */ });
/* unused harmony exports convergeTag, TagWriters */
/* harmony import */ var node_timers_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(58500);
/* harmony import */ var node_timers_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_timers_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors_index_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(28936);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(28630);
// The one read-modify-write of a tag (cosign's .sig/.att, the referrers fallback index). It converges without
// registry support: many registries ignore If-Match, so after writing we wait, re-read, and merge again.



const DEFAULTS = { attempts: 8, minSettleMs: 100, maxSettleMs: 5000, writeWindowMs: 400 };
/**
 * Adds `ours` to the tag until a re-read made after our last write (and a settle time longer than another
 * writer's read-to-write window) holds them, and every entry we saw in an earlier read: a writer that read
 * before our write and wrote after it would otherwise drop ours silently. Each wait doubles, with jitter.
 */
async function convergeTag(spec, ours, opts = {}) {
    const attempts = opts.attempts ?? DEFAULTS.attempts;
    const minSettle = opts.minSettleMs ?? DEFAULTS.minSettleMs;
    const random = opts.random ?? Math.random;
    const sleep = opts.sleep ?? ((ms) => (0,node_timers_promises__WEBPACK_IMPORTED_MODULE_0__.setTimeout)(ms).then(() => undefined));
    const now = opts.now ?? Date.now;
    const log = opts.log ?? (() => undefined);
    const window = opts.writeWindowMs ?? DEFAULTS.writeWindowMs;
    const seen = new Map(ours.map(e => [spec.key(e), e]));
    let added;
    let writes = 0;
    let lastMissing = [];
    let late = 0;
    for (let attempt = 1;; attempt++) {
        let basedOn = now();
        const current = await spec.read();
        const present = new Set((current?.entries ?? []).map(e => spec.key(e)));
        added ??= ours.map(e => spec.key(e)).filter(k => !present.has(k));
        for (const e of current?.entries ?? [])
            if (!seen.has(spec.key(e)))
                seen.set(spec.key(e), e);
        const missing = [...seen.entries()].filter(([k]) => !present.has(k)).map(([, e]) => e);
        if (missing.length === 0 && current)
            return { current, added, writes };
        if (attempt > attempts)
            throw raced(spec, attempt - 1, writes, lastMissing.length, ours.length);
        if (writes > 0)
            log(`${spec.tag}: re-merging (write ${writes + 1}): a re-read after our write lacks ${missing.length} ` +
                'entries, another writer raced us');
        lastMissing = missing;
        const backoff = (base) => Math.min(DEFAULTS.maxSettleMs, base * 2 ** (attempt - 1)) * (0.5 + random());
        if (spec.prepare) {
            await spec.prepare(current, [...(current?.entries ?? []), ...missing]);
            // Uploads can be slow (retries): a write sent long after its read could drop what another job added
            // meanwhile, and that job may already have confirmed and left. Write only if the tag is still as read.
            basedOn = now();
            if ((await spec.read())?.digest !== current?.digest) {
                log(`${spec.tag}: changed while our blobs uploaded; merging again before writing`);
                continue;
            }
        }
        // Our side of the contract: a write based on an older read could land after a peer's settle wait.
        // Twice late in a row (a machine this loaded) we write anyway and wait out our own span instead.
        const overdue = now() - basedOn > window;
        if (overdue && late < 2) {
            late++;
            log(`${spec.tag}: ${now() - basedOn} ms since the read, over the ${window} ms write window; reading again`);
            attempt--;
            continue;
        }
        late = 0;
        const sent = now();
        // The wait covers a peer's window (the contract, plus a PUT as slow as ours three times over), jittered
        // upwards only so that writers who raced fall out of step, doubling each round; an overdue write of ours
        // waits 3× its own span as well. A wait scaled by our blob uploads instead cost seconds per tag.
        const settle = () => {
            const put = now() - sent;
            const base = Math.max(minSettle, window + 3 * put, overdue ? 3 * (now() - basedOn) : 0);
            return Math.min(DEFAULTS.maxSettleMs, base * 2 ** (attempt - 1)) * (1 + random() / 2);
        };
        try {
            await spec.write(current, [...(current?.entries ?? []), ...missing]);
        }
        catch (err) {
            if (err instanceof _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .RegistryError */ .gl && err.status === 412) {
                // The registry honours If-Match and someone wrote since our read: nothing of ours was written.
                log(`${spec.tag}: If-Match refused (412), another writer changed the tag; reading it again`);
                await sleep(backoff(minSettle / 2));
                continue;
            }
            if (!transient(err))
                throw err;
            log(`${spec.tag}: write failed (${describeTransient(err)}); reading the tag again before the next write`);
            // It may have landed all the same (a dropped connection), so the next read waits as after a write.
            await sleep(Math.max(settle(), err.retryAfterMs ?? 0));
            continue;
        }
        writes++;
        await sleep(settle());
    }
}
/** A write that may succeed if tried again: rate limit, server error, or the connection (the write may have landed). */
function transient(err) {
    return (0,_errors_index_js__WEBPACK_IMPORTED_MODULE_1__/* .errorChain */ .eB)(err).some(cause => {
        const e = cause;
        if (e.status !== undefined && (e.status === 429 || e.status >= 500))
            return true;
        if (e.code === 'HTTP_NETWORK' || e.code === 'HTTP_TIMEOUT')
            return true;
        // cosign-layout.ts has uploaded the blob whose link the registry lost: the next write can name it.
        return (0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .isBlobUnknown */ .AD)(cause);
    });
}
function describeTransient(err) {
    const status = err.status;
    return status !== undefined ? `HTTP ${status}` : 'network';
}
function raced(spec, reads, writes, missing, ours) {
    return new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .TagRaceError */ .Gm(spec.tag, `${spec.tag}: another writer raced us; after ${writes} writes and ${reads} re-reads the tag still lacks ` +
        `${missing} entries (${ours} of ours to add). Re-run the job once the parallel jobs are done: appending ` +
        'is safe, and the signatures of this run are already logged in Rekor');
}
/**
 * Writes of one tag inside this process go one at a time (a parallel job is another process, which
 * convergeTag handles); adds that arrive while an earlier write of the tag is under way share the next write.
 */
class TagWriters {
    defaults;
    tails = new Map();
    open = new Map();
    constructor(defaults = {}) {
        this.defaults = defaults;
    }
    add(key, entries, spec, opts = {}) {
        let batch = this.open.get(key);
        if (!batch) {
            const pending = [];
            const before = this.tails.get(key) ?? Promise.resolve();
            const result = before
                .catch(() => undefined)
                .then(() => {
                // The batch closes when its write starts: later adds go in the next one.
                if (this.open.get(key)?.entries === pending)
                    this.open.delete(key);
                return convergeTag(spec, pending, { ...this.defaults, ...opts });
            });
            const tail = result.catch(() => undefined);
            this.tails.set(key, tail);
            void tail.then(() => {
                if (this.tails.get(key) === tail)
                    this.tails.delete(key);
            });
            batch = { entries: pending, result };
            this.open.set(key, batch);
        }
        batch.entries.push(...entries);
        return batch.result;
    }
}
/** One table per process, so separate pipeline runs (and registry clients) in one process never race. */
const processTagWriters = new TagWriters();


/***/ })

};
