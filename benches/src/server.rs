//! The servers under test: started as child processes, read through /proc.

use anyhow::{Context, bail};
use std::path::Path;
use std::process::Stdio;
use std::time::{Duration, Instant};
use tokio::process::{Child, Command};

/// A server process the benchmark started and stops when dropped.
pub struct Server {
    pub name: &'static str,
    pub url: String,
    child: Child,
}

impl Server {
    /// Starts `program` with `env` and waits until `url` answers a query.
    pub async fn start(
        name: &'static str,
        program: &Path,
        env: &[(&str, String)],
        url: String,
        client: &reqwest::Client,
    ) -> anyhow::Result<Server> {
        let mut command = Command::new(program);
        command
            .envs(env.iter().map(|(k, v)| (k, v)))
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::inherit())
            .kill_on_drop(true);
        let child = command
            .spawn()
            .with_context(|| format!("starting {}", program.display()))?;
        let mut server = Server { name, url, child };
        server.wait_ready(client).await?;
        Ok(server)
    }

    async fn wait_ready(&mut self, client: &reqwest::Client) -> anyhow::Result<()> {
        let started = Instant::now();
        while started.elapsed() < Duration::from_secs(120) {
            if let Some(status) = self.child.try_wait()? {
                bail!("{} exited while starting: {status}", self.name);
            }
            let answer = client
                .post(&self.url)
                .json(&serde_json::json!({ "query": "{ __typename }" }))
                .send()
                .await;
            if answer.is_ok_and(|r| r.status().is_success()) {
                return Ok(());
            }
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
        bail!("{} did not answer at {} within 120 s", self.name, self.url)
    }

    pub fn pid(&self) -> u32 {
        self.child.id().unwrap_or(0)
    }

    /// User plus system CPU time the process has used so far.
    pub fn cpu(&self) -> Duration {
        cpu_of(self.pid()).unwrap_or_default()
    }

    /// The process's peak resident set (VmHWM) in MiB.
    pub fn peak_rss_mib(&self) -> f64 {
        status_kib(self.pid(), "VmHWM:").map_or(f64::NAN, |k| k as f64 / 1024.0)
    }

    pub async fn stop(mut self) {
        let _ = self.child.kill().await;
    }
}

/// CPU time so far of each process named `postgres` (the database server and
/// its backends), by process id.
pub struct PostgresCpu(std::collections::HashMap<u32, Duration>);

impl PostgresCpu {
    pub fn now() -> Self {
        let Ok(entries) = std::fs::read_dir("/proc") else {
            return Self(Default::default());
        };
        let pids = entries
            .filter_map(|e| e.ok()?.file_name().to_str()?.parse::<u32>().ok())
            .filter(|pid| {
                std::fs::read_to_string(format!("/proc/{pid}/comm"))
                    .is_ok_and(|c| c.trim() == "postgres")
            });
        Self(pids.filter_map(|pid| Some((pid, cpu_of(pid)?))).collect())
    }

    /// What the database spent since `before`: each process's growth, all of
    /// a process started since. A backend that exited in between (an idle
    /// pool connection of the other server, closed on its timeout) is left
    /// out instead of subtracting everything it ever used.
    pub fn since(&self, before: &PostgresCpu) -> Duration {
        (self.0.iter())
            .map(|(pid, cpu)| cpu.saturating_sub(before.0.get(pid).copied().unwrap_or_default()))
            .sum()
    }
}

fn cpu_of(pid: u32) -> Option<Duration> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // Fields after the command name, which is in parentheses and may hold spaces.
    let fields: Vec<&str> = stat.rsplit_once(')')?.1.split_whitespace().collect();
    let ticks: u64 = fields.get(11)?.parse::<u64>().ok()? + fields.get(12)?.parse::<u64>().ok()?;
    Some(Duration::from_millis(ticks * 1000 / clock_ticks()))
}

fn status_kib(pid: u32, field: &str) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    status
        .lines()
        .find_map(|l| l.strip_prefix(field))?
        .split_whitespace()
        .next()?
        .parse()
        .ok()
}

// USER_HZ is 100 on every Linux build this runs on; `getconf` confirms it
// without unsafe code.
fn clock_ticks() -> u64 {
    static TICKS: std::sync::OnceLock<u64> = std::sync::OnceLock::new();
    *TICKS.get_or_init(|| {
        std::process::Command::new("getconf")
            .arg("CLK_TCK")
            .output()
            .ok()
            .and_then(|o| String::from_utf8(o.stdout).ok()?.trim().parse().ok())
            .unwrap_or(100)
    })
}
