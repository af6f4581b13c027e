# Sourced by the benchmark scripts: installing the Debian packages a benchmark needs
# (when root), and apt-get with a private configuration, so that `apt-get source` works
# on a machine without deb-src entries while the system's apt setup stays untouched.
# Needs log and die functions from the caller, and APT_DIR before apt_private is used.

IS_ROOT=0; [ "$(id -u)" = 0 ] && IS_ROOT=1
SYS_APT_UPDATED=0

# apt_install PKG... — install Debian packages when root (system apt config,
# unchanged); refresh the system's package lists once if the first try fails.
apt_install() {
    [ $IS_ROOT = 1 ] || return 1
    log "installing $*"
    if ! DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$@" >&2; then
        [ $SYS_APT_UPDATED = 1 ] && return 1
        SYS_APT_UPDATED=1
        apt-get update -q >&2 || return 1
        DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$@" >&2 || return 1
    fi
}

# need CMD PKG — make sure CMD exists, installing PKG if possible; fatal if not.
need() {
    command -v "$1" >/dev/null 2>&1 && return 0
    apt_install "$2" || true
    command -v "$1" >/dev/null 2>&1 || die "'$1' is missing (Debian package $2; run as root to have it installed)"
}

apt_private() {
    local opts=(-o "Dir::Etc::SourceList=$APT_DIR/sources.list"
                -o "Dir::Etc::SourceParts=$APT_DIR/sources.list.d"
                -o "Dir::State::Lists=$APT_DIR/lists"
                -o "Dir::Cache=$APT_DIR/cache"
                -o "Dir::State::status=/var/lib/dpkg/status"
                -o "Debug::NoLocking=false")
    # As root apt downloads as user _apt, which cannot write into our tree.
    [ $IS_ROOT = 1 ] && opts+=(-o "APT::Sandbox::User=root")
    apt-get "${opts[@]}" "$@"
}

make_private_sources() {
    mkdir -p "$APT_DIR/sources.list.d" "$APT_DIR/lists/partial" "$APT_DIR/cache/archives/partial"
    local out=$APT_DIR/sources.list
    : > "$out"
    local f
    for f in /etc/apt/sources.list.d/*.sources; do
        [ -r "$f" ] || continue
        # deb822 stanzas: Types, URIs, Suites, Components, Signed-By, Enabled
        awk '
        function flush(   n, m, i, j, U, S) {
            if (uris != "" && suites != "" && types ~ /(^| )deb( |$)/ && enabled != "no") {
                n = split(uris, U, " "); m = split(suites, S, " ")
                for (i = 1; i <= n; i++) for (j = 1; j <= m; j++)
                    printf "deb-src%s %s %s %s\n", (sb != "" ? " [signed-by=" sb "]" : ""), U[i], S[j], comps
            }
            types = uris = suites = comps = sb = enabled = ""
        }
        /^[ \t]*#/ { next }
        /^[ \t]*$/ { flush(); next }
        {
            k = tolower($1); sub(/:$/, "", k); $1 = ""; sub(/^[ \t]+/, ""); v = $0
            if (k == "types") types = v; else if (k == "uris") uris = v
            else if (k == "suites") suites = v; else if (k == "components") comps = v
            else if (k == "signed-by") sb = v; else if (k == "enabled") enabled = tolower(v)
        }
        END { flush() }' "$f" >> "$out"
    done
    # One-line format too: turn enabled "deb" lines into "deb-src".
    for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
        [ -r "$f" ] || continue
        sed -n 's/^[ \t]*deb[ \t]\+/deb-src /p' "$f" >> "$out"
    done
    sort -u -o "$out" "$out"
    [ -s "$out" ] || die "no Debian archive found in /etc/apt/sources.list{,.d} to build a deb-src line from"
}
