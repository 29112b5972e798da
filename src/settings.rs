//! The one typed settings struct of the binary, and where its values come from.
//!
//! Layers, each overriding the one before: built-in defaults, then a TOML file (`--config
//! FILE`, else `./cbdkg.toml` if present), then environment variables
//! `CBDKG__SECTION__KEY` (e.g. `CBDKG__SPARQL__TIMEOUT_MS=2000`, `CBDKG__BASE_IRI=…`), then
//! command-line flags. Every layer is checked on its own, so an unknown key or a bad value is
//! reported with the file or variable it came from; the merged result is then validated.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};

/// Prefix of environment variables read as settings; `__` separates the path segments.
pub const ENV_PREFIX: &str = "CBDKG__";
/// The settings file read when `--config` is not given, if it exists.
pub const DEFAULT_CONFIG_FILE: &str = "cbdkg.toml";

/// Everything the binary can be configured with.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Settings {
    /// The data directory: graph store, indexes, caches (`--data-dir`).
    pub data_dir: PathBuf,
    /// Base IRI of instance data (documents, paragraphs), ending with `/`.
    pub base_iri: String,
    /// The HTTP server.
    pub server: ServerSettings,
    /// SPARQL, on the endpoint and the CLI.
    pub sparql: SparqlSettings,
    /// Search: the embedding model, the vector store, fusion.
    pub search: SearchSettings,
}

/// Settings of search and its indexes.
#[derive(Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct SearchSettings {
    /// The embedding model: an E5S1 file (`e5-small-q4.bin`) or a Hugging Face directory.
    /// Default: `$CBDKG_MODEL`, else the file `scripts/setup` installs in the user's cache.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub model: Option<PathBuf>,
    /// Where vectors live: `embedded` (Qdrant in the data directory) or `qdrant` (a server).
    pub vector_backend: VectorBackend,
    /// URL of the Qdrant server (gRPC, e.g. `http://127.0.0.1:6334`) for `vector_backend = "qdrant"`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub qdrant_url: Option<String>,
    /// API key of the Qdrant server.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub qdrant_api_key: Option<String>,
    /// Collection holding the passage vectors on the server.
    pub qdrant_collection: String,
    /// The `k` of reciprocal-rank fusion: 1 / (k + rank).
    pub rrf_k: u32,
    /// Weight of the keyword ranking in fusion.
    pub bm25_weight: f64,
    /// Weight of the vector ranking in fusion.
    pub vector_weight: f64,
    /// Most hits one search may ask for.
    pub max_k: usize,
}

impl fmt::Debug for SearchSettings {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SearchSettings")
            .field("model", &self.model)
            .field("vector_backend", &self.vector_backend)
            .field("qdrant_url", &self.qdrant_url)
            .field("qdrant_api_key", &self.qdrant_api_key.as_ref().map(|_| "<redacted>"))
            .field("qdrant_collection", &self.qdrant_collection)
            .field("rrf_k", &self.rrf_k)
            .field("bm25_weight", &self.bm25_weight)
            .field("vector_weight", &self.vector_weight)
            .field("max_k", &self.max_k)
            .finish()
    }
}

/// Where the passage vectors are kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum VectorBackend {
    /// Embedded Qdrant (`qdrant-edge`) in `{data_dir}/index/vectors`.
    Embedded,
    /// A Qdrant server or cluster at `search.qdrant_url`.
    Qdrant,
}

impl Default for SearchSettings {
    fn default() -> Self {
        Self {
            model: None,
            vector_backend: VectorBackend::Embedded,
            qdrant_url: None,
            qdrant_api_key: None,
            qdrant_collection: "cbdkg_passages".to_owned(),
            rrf_k: 60,
            bm25_weight: 1.0,
            vector_weight: 1.0,
            max_k: 100,
        }
    }
}

/// Settings of the HTTP server.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ServerSettings {
    /// Address to listen on (`--addr`); port 0 picks a free port.
    pub addr: SocketAddr,
    /// Origins allowed by CORS: `["*"]` for any, else e.g. `["https://partner.example"]`.
    pub cors_allowed_origins: Vec<String>,
    /// Largest request body accepted, in bytes (larger: 413).
    pub max_request_bytes: usize,
}

/// Settings of SPARQL evaluation.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct SparqlSettings {
    /// Time limit of one query, in milliseconds; evaluation is cancelled after it.
    pub timeout_ms: u64,
    /// Most solutions or triples returned by one query; the rest is cut and announced.
    pub row_cap: usize,
    /// Bearer token that allows SPARQL updates on the endpoint; without one it is read-only.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub admin_token: Option<String>,
}

impl fmt::Debug for SparqlSettings {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SparqlSettings")
            .field("timeout_ms", &self.timeout_ms)
            .field("row_cap", &self.row_cap)
            .field("admin_token", &self.admin_token.as_ref().map(|_| "<redacted>"))
            .finish()
    }
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            data_dir: PathBuf::from("./var"),
            base_iri: cbdkg_ontologies::DEFAULT_BASE_IRI.to_owned(),
            server: ServerSettings::default(),
            sparql: SparqlSettings::default(),
            search: SearchSettings::default(),
        }
    }
}

impl Default for ServerSettings {
    fn default() -> Self {
        Self {
            addr: SocketAddr::from(([127, 0, 0, 1], 7878)),
            cors_allowed_origins: vec!["*".to_owned()],
            max_request_bytes: 1024 * 1024,
        }
    }
}

impl Default for SparqlSettings {
    fn default() -> Self {
        Self { timeout_ms: 10_000, row_cap: 10_000, admin_token: None }
    }
}

/// Values given as command-line flags: the last layer.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CliOverrides {
    /// `--data-dir`.
    pub data_dir: Option<PathBuf>,
    /// `--addr` of `cbdkg serve`.
    pub addr: Option<SocketAddr>,
}

/// Where the settings are read from.
#[derive(Debug, Clone, Default)]
pub struct SettingsSources {
    /// `--config FILE`: must exist.
    pub config_file: Option<PathBuf>,
    /// Read when `config_file` is not given, if it exists (`./cbdkg.toml`).
    pub default_config_file: Option<PathBuf>,
    /// Environment variables; only those starting with [`ENV_PREFIX`] are read.
    pub env: Vec<(String, String)>,
    /// Command-line flags.
    pub cli: CliOverrides,
}

impl SettingsSources {
    /// The sources of this process: its environment and `./cbdkg.toml`.
    pub fn from_process(config_file: Option<PathBuf>, cli: CliOverrides) -> Self {
        Self {
            config_file,
            default_config_file: Some(PathBuf::from(DEFAULT_CONFIG_FILE)),
            env: std::env::vars_os()
                .filter_map(|(k, v)| Some((k.into_string().ok()?, v.into_string().ok()?)))
                .filter(|(k, _)| k.starts_with(ENV_PREFIX))
                .collect(),
            cli,
        }
    }
}

/// Why the settings could not be loaded.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum SettingsError {
    /// The settings file could not be read.
    #[error("settings file {}: cannot read: {source}", path.display())]
    Read {
        /// The file.
        path: PathBuf,
        /// The cause.
        #[source]
        source: std::io::Error,
    },
    /// A layer has an unknown key, a value of the wrong type or bad syntax.
    #[error("{origin}: {message}")]
    Parse {
        /// Where: "settings file X", "environment variable CBDKG__…", "command line".
        origin: String,
        /// What is wrong, naming the key.
        message: String,
    },
    /// A value is of the right type but not acceptable.
    #[error("invalid setting {key} = {value} (from {origin}): {message}")]
    Invalid {
        /// Dotted key, e.g. `sparql.timeout_ms`.
        key: String,
        /// The value as given.
        value: String,
        /// Which layer set it.
        origin: String,
        /// What is wrong.
        message: String,
    },
}

impl Settings {
    /// Reads, merges and validates the settings from their sources.
    pub fn load(sources: &SettingsSources) -> Result<Self, SettingsError> {
        let mut merged = LayeredTable::new(table_of(&Settings::default()), "built-in defaults");
        if let Some((path, text)) = read_config_file(sources)? {
            let origin = format!("settings file {}", path.display());
            // Parsing the text directly gives errors with line and column.
            toml::from_str::<Settings>(&text).map_err(|e| parse_error(&origin, &e))?;
            let table = toml::from_str::<toml::Table>(&text).map_err(|e| parse_error(&origin, &e))?;
            merged.merge(table, &origin);
        }
        for (name, value) in &sources.env {
            let Some(path) = name.strip_prefix(ENV_PREFIX) else { continue };
            let origin = format!("environment variable {name}");
            let table = env_table(path, value, &merged.table)
                .map_err(|message| SettingsError::Parse { origin: origin.clone(), message })?;
            check_layer(&table, &origin)?;
            merged.merge(table, &origin);
        }
        let cli = cli_table(&sources.cli);
        check_layer(&cli, "command line")?;
        merged.merge(cli, "command line");
        let settings: Settings = toml::Value::Table(merged.table.clone())
            .try_into()
            .map_err(|e: toml::de::Error| parse_error("merged settings", &e))?;
        settings.validate(&merged.origins)?;
        Ok(settings)
    }

    /// The query time limit.
    pub fn query_timeout(&self) -> std::time::Duration {
        std::time::Duration::from_millis(self.sparql.timeout_ms)
    }

    /// Checks values that their types allow but the program does not.
    fn validate(&self, origins: &BTreeMap<String, String>) -> Result<(), SettingsError> {
        let invalid = |key: &str, value: &dyn fmt::Display, message: &str| SettingsError::Invalid {
            key: key.to_owned(),
            value: value.to_string(),
            origin: origins.get(key).cloned().unwrap_or_else(|| "built-in defaults".to_owned()),
            message: message.to_owned(),
        };
        if let Err(e) = cbdkg_ingest::BaseIri::new(self.base_iri.clone()) {
            return Err(invalid("base_iri", &self.base_iri, &e.to_string()));
        }
        if self.data_dir.as_os_str().is_empty() {
            return Err(invalid("data_dir", &"\"\"", "must not be empty"));
        }
        if self.sparql.timeout_ms == 0 {
            return Err(invalid("sparql.timeout_ms", &0, "must be at least 1"));
        }
        if self.sparql.row_cap == 0 {
            return Err(invalid("sparql.row_cap", &0, "must be at least 1"));
        }
        if self.server.max_request_bytes == 0 {
            return Err(invalid("server.max_request_bytes", &0, "must be at least 1"));
        }
        if let Some(token) = &self.sparql.admin_token
            && (token.chars().count() < 16 || token.chars().any(char::is_whitespace))
        {
            return Err(invalid("sparql.admin_token", &"<redacted>", "must be at least 16 characters, without spaces"));
        }
        let search = &self.search;
        if search.rrf_k == 0 {
            return Err(invalid("search.rrf_k", &0, "must be at least 1"));
        }
        for (key, weight) in
            [("search.bm25_weight", search.bm25_weight), ("search.vector_weight", search.vector_weight)]
        {
            if !(weight.is_finite() && weight >= 0.0) {
                return Err(invalid(key, &weight, "must be a number ≥ 0"));
            }
        }
        if search.bm25_weight + search.vector_weight <= 0.0 {
            return Err(invalid("search.vector_weight", &search.vector_weight, "one of the two weights must be > 0"));
        }
        if search.max_k == 0 {
            return Err(invalid("search.max_k", &0, "must be at least 1"));
        }
        if search.vector_backend == VectorBackend::Qdrant && search.qdrant_url.is_none() {
            return Err(invalid("search.vector_backend", &"qdrant", "needs search.qdrant_url"));
        }
        let origins_list = &self.server.cors_allowed_origins;
        let wildcard = origins_list.iter().any(|o| o == "*");
        if wildcard && origins_list.len() > 1 {
            return Err(invalid("server.cors_allowed_origins", &origins_list.join(","), "\"*\" must stand alone"));
        }
        if let Some(bad) = origins_list.iter().find(|o| *o != "*" && !is_origin(o)) {
            return Err(invalid(
                "server.cors_allowed_origins",
                bad,
                "expected \"*\" or origins like \"https://partner.example\" (scheme, host, optional port; no path)",
            ));
        }
        Ok(())
    }
}

/// `scheme://host[:port]` with no path, as browsers send in `Origin`.
fn is_origin(origin: &str) -> bool {
    let Some((scheme, rest)) = origin.split_once("://") else { return false };
    matches!(scheme, "http" | "https")
        && !rest.is_empty()
        && !rest.contains(['/', '?', '#', ' '])
        && origin.chars().all(|c| c.is_ascii_graphic())
}

/// A TOML table and, for each dotted leaf key, the layer that last set it.
struct LayeredTable {
    table: toml::Table,
    origins: BTreeMap<String, String>,
}

impl LayeredTable {
    fn new(table: toml::Table, origin: &str) -> Self {
        let mut layered = Self { table: toml::Table::new(), origins: BTreeMap::new() };
        layered.merge(table, origin);
        layered
    }

    fn merge(&mut self, layer: toml::Table, origin: &str) {
        merge_into(&mut self.table, layer, "", origin, &mut self.origins);
    }
}

fn merge_into(
    target: &mut toml::Table,
    layer: toml::Table,
    prefix: &str,
    origin: &str,
    origins: &mut BTreeMap<String, String>,
) {
    for (key, value) in layer {
        let path = if prefix.is_empty() { key.clone() } else { format!("{prefix}.{key}") };
        match (target.get_mut(&key), value) {
            (Some(toml::Value::Table(existing)), toml::Value::Table(nested)) => {
                merge_into(existing, nested, &path, origin, origins);
            }
            (_, value) => {
                origins.insert(path, origin.to_owned());
                target.insert(key, value);
            }
        }
    }
}

fn table_of(settings: &Settings) -> toml::Table {
    match toml::Value::try_from(settings) {
        Ok(toml::Value::Table(table)) => table,
        // Settings is a struct of plain values: it always serialises to a table.
        _ => toml::Table::new(),
    }
}

fn read_config_file(sources: &SettingsSources) -> Result<Option<(PathBuf, String)>, SettingsError> {
    let read = |path: &Path| {
        std::fs::read_to_string(path).map_err(|source| SettingsError::Read { path: path.to_owned(), source })
    };
    match (&sources.config_file, &sources.default_config_file) {
        (Some(path), _) => Ok(Some((path.clone(), read(path)?))),
        (None, Some(path)) if path.is_file() => Ok(Some((path.clone(), read(path)?))),
        (None, _) => Ok(None),
    }
}

/// Turns `SPARQL__TIMEOUT_MS` = `2000` into `{ sparql = { timeout_ms = 2000 } }`, typing the
/// value like the current value at that key (integers, booleans, comma-separated lists).
fn env_table(path: &str, value: &str, current: &toml::Table) -> Result<toml::Table, String> {
    let keys: Vec<String> = path.split("__").map(str::to_ascii_lowercase).collect();
    if keys.iter().any(String::is_empty) {
        return Err("empty key segment: use CBDKG__SECTION__KEY".to_owned());
    }
    let dotted = keys.join(".");
    let existing = keys.iter().try_fold(None::<&toml::Value>, |node, key| {
        let table = match node {
            None => Some(current),
            Some(toml::Value::Table(t)) => Some(t),
            Some(_) => None,
        };
        Some(table.and_then(|t| t.get(key)))
    });
    let typed = match existing.flatten() {
        Some(toml::Value::Integer(_)) => value
            .trim()
            .parse::<i64>()
            .map(toml::Value::Integer)
            .map_err(|_| format!("{dotted}: expected an integer, got {value:?}"))?,
        Some(toml::Value::Float(_)) => value
            .trim()
            .parse::<f64>()
            .map(toml::Value::Float)
            .map_err(|_| format!("{dotted}: expected a number, got {value:?}"))?,
        Some(toml::Value::Boolean(_)) => value
            .trim()
            .parse::<bool>()
            .map(toml::Value::Boolean)
            .map_err(|_| format!("{dotted}: expected true or false, got {value:?}"))?,
        Some(toml::Value::Array(_)) => toml::Value::Array(
            value.split(',').map(str::trim).filter(|s| !s.is_empty()).map(|s| toml::Value::String(s.into())).collect(),
        ),
        _ => toml::Value::String(value.to_owned()),
    };
    let mut node = typed;
    for key in keys.iter().rev() {
        let mut table = toml::Table::new();
        table.insert(key.clone(), node);
        node = toml::Value::Table(table);
    }
    match node {
        toml::Value::Table(table) => Ok(table),
        _ => Err("empty key".to_owned()),
    }
}

fn cli_table(cli: &CliOverrides) -> toml::Table {
    let mut table = toml::Table::new();
    if let Some(dir) = &cli.data_dir {
        table.insert("data_dir".into(), toml::Value::String(dir.display().to_string()));
    }
    if let Some(addr) = cli.addr {
        let mut server = toml::Table::new();
        server.insert("addr".into(), toml::Value::String(addr.to_string()));
        table.insert("server".into(), toml::Value::Table(server));
    }
    table
}

/// Checks that one layer alone deserialises: unknown keys and wrong types are named with it.
fn check_layer(table: &toml::Table, origin: &str) -> Result<(), SettingsError> {
    toml::Value::Table(table.clone()).try_into::<Settings>().map(drop).map_err(|e| parse_error(origin, &e))
}

fn parse_error(origin: &str, error: &toml::de::Error) -> SettingsError {
    SettingsError::Parse { origin: origin.to_owned(), message: error.to_string().trim().to_owned() }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Loads settings from an optional file text, environment pairs and flags.
    fn load(file: Option<&str>, env: &[(&str, &str)], cli: CliOverrides) -> Result<Settings, String> {
        let dir = tempfile::tempdir().unwrap();
        let config_file = file.map(|text| {
            let path = dir.path().join("cbdkg.toml");
            std::fs::write(&path, text).unwrap();
            path
        });
        let sources = SettingsSources {
            config_file,
            default_config_file: None,
            env: env.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect(),
            cli,
        };
        Settings::load(&sources).map_err(|e| e.to_string())
    }

    fn check(file: Option<&str>, env: &[(&str, &str)], cli: CliOverrides, expected: impl Fn(&mut Settings)) {
        let mut want = Settings::default();
        expected(&mut want);
        assert_eq!(load(file, env, cli), Ok(want), "file {file:?}, env {env:?}");
    }

    fn check_error(file: Option<&str>, env: &[(&str, &str)], fragments: &[&str]) {
        let message = load(file, env, CliOverrides::default()).expect_err("should fail");
        for fragment in fragments {
            assert!(message.contains(fragment), "{message:?} lacks {fragment:?}");
        }
    }

    #[test]
    fn later_layers_override_earlier_ones() {
        let none = CliOverrides::default;
        let file =
            "data_dir = \"/srv/file\"\n[sparql]\ntimeout_ms = 5000\nrow_cap = 7\n[server]\naddr = \"0.0.0.0:80\"\n";
        check(None, &[], none(), |_| {});
        check(Some(file), &[], none(), |s| {
            s.data_dir = "/srv/file".into();
            s.sparql.timeout_ms = 5000;
            s.sparql.row_cap = 7;
            s.server.addr = "0.0.0.0:80".parse().unwrap();
        });
        check(Some(file), &[("CBDKG__SPARQL__TIMEOUT_MS", "2000"), ("CBDKG_BIN", "ignored")], none(), |s| {
            s.data_dir = "/srv/file".into();
            s.sparql.timeout_ms = 2000;
            s.sparql.row_cap = 7;
            s.server.addr = "0.0.0.0:80".parse().unwrap();
        });
        let cli = CliOverrides { data_dir: Some("/cli".into()), addr: Some("127.0.0.1:0".parse().unwrap()) };
        check(Some(file), &[("CBDKG__DATA_DIR", "/env"), ("CBDKG__SERVER__ADDR", "127.0.0.1:9")], cli, |s| {
            s.data_dir = "/cli".into();
            s.sparql.timeout_ms = 5000;
            s.sparql.row_cap = 7;
            s.server.addr = "127.0.0.1:0".parse().unwrap();
        });
        check(None, &[("CBDKG__DATA_DIR", "/env"), ("CBDKG__SERVER__ADDR", "127.0.0.1:9")], none(), |s| {
            s.data_dir = "/env".into();
            s.server.addr = "127.0.0.1:9".parse().unwrap();
        });
    }

    #[test]
    fn environment_values_are_typed_like_the_setting() {
        let none = CliOverrides::default;
        check(
            None,
            &[("CBDKG__SERVER__CORS_ALLOWED_ORIGINS", "https://a.example, https://b.example:8443")],
            none(),
            |s| {
                s.server.cors_allowed_origins = vec!["https://a.example".into(), "https://b.example:8443".into()];
            },
        );
        check(None, &[("CBDKG__SPARQL__ADMIN_TOKEN", "1234567890123456")], none(), |s| {
            s.sparql.admin_token = Some("1234567890123456".into());
        });
        check(None, &[("CBDKG__BASE_IRI", "https://kg.example.org/id/")], none(), |s| {
            s.base_iri = "https://kg.example.org/id/".into();
        });
        check(Some("[server]\nmax_request_bytes = 10\n"), &[("CBDKG__SERVER__MAX_REQUEST_BYTES", "20")], none(), |s| {
            s.server.max_request_bytes = 20;
        });
    }

    #[test]
    fn errors_name_the_key_and_its_source() {
        check_error(
            Some("[sparql]\ntimeout = 5\n"),
            &[],
            &["settings file", "cbdkg.toml", "unknown field `timeout`", "timeout_ms"],
        );
        check_error(Some("colour = 1\n"), &[], &["settings file", "unknown field `colour`"]);
        check_error(Some("[sparql]\nrow_cap = \"many\"\n"), &[], &["settings file", "row_cap", "invalid type"]);
        check_error(Some("[sparql\n"), &[], &["settings file", "cbdkg.toml"]);
        check_error(
            None,
            &[("CBDKG__SPARQL__TIMEOUT", "5")],
            &["environment variable CBDKG__SPARQL__TIMEOUT", "unknown field `timeout`"],
        );
        check_error(
            None,
            &[("CBDKG__SPARQL__TIMEOUT_MS", "soon")],
            &["CBDKG__SPARQL__TIMEOUT_MS", "sparql.timeout_ms: expected an integer"],
        );
        check_error(None, &[("CBDKG__SERVER__ADDR", "localhost")], &["CBDKG__SERVER__ADDR", "invalid socket address"]);
        check_error(
            None,
            &[("CBDKG__SPARQL__TIMEOUT_MS", "0")],
            &["sparql.timeout_ms = 0", "environment variable CBDKG__SPARQL__TIMEOUT_MS", "at least 1"],
        );
        check_error(Some("[sparql]\nrow_cap = 0\n"), &[], &["sparql.row_cap = 0", "settings file", "at least 1"]);
        check_error(None, &[("CBDKG__BASE_IRI", "ftp://x/")], &["base_iri", "CBDKG__BASE_IRI", "http"]);
        check_error(
            None,
            &[("CBDKG__SPARQL__ADMIN_TOKEN", "short")],
            &["sparql.admin_token = <redacted>", "16 characters"],
        );
        check_error(
            None,
            &[("CBDKG__SERVER__CORS_ALLOWED_ORIGINS", "https://a.example/path")],
            &["cors_allowed_origins", "no path"],
        );
        check_error(None, &[("CBDKG__", "x")], &["environment variable CBDKG__", "empty key segment"]);
    }

    #[test]
    fn an_explicit_missing_file_is_an_error_and_the_default_file_is_optional() {
        let sources =
            SettingsSources { config_file: Some("/nonexistent/cbdkg.toml".into()), ..SettingsSources::default() };
        let message = Settings::load(&sources).unwrap_err().to_string();
        assert!(message.contains("settings file /nonexistent/cbdkg.toml: cannot read"), "{message}");
        let sources = SettingsSources {
            default_config_file: Some("/nonexistent/cbdkg.toml".into()),
            ..SettingsSources::default()
        };
        assert_eq!(Settings::load(&sources).unwrap(), Settings::default());
    }

    #[test]
    fn the_admin_token_never_shows_in_debug_output() {
        let settings = SparqlSettings { admin_token: Some("secret-secret-secret".into()), ..SparqlSettings::default() };
        assert!(!format!("{settings:?}").contains("secret"));
    }
}
