//! Deterministic DataLoader batching.
//!
//! async-graphql's DataLoader collects keys for a fixed time window (1 ms by
//! default) and then queries. On a busy machine the window can close while one
//! nesting level is still being resolved, so one level costs two or three
//! statements. Here a batch waits instead until the request has done all it can
//! without data: the request future is wrapped in [`Quiesce`], which opens a
//! [`Gate`] each time the future returns `Pending` without having woken itself.
//! Every key reachable before that point is in the batch, however slow the
//! machine is.

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::task::{Context, Poll, Wake, Waker};
use std::time::Duration;

use futures::future::BoxFuture;
use tokio::sync::Notify;

/// Opens whenever the request it belongs to is idle (waiting on data only).
#[derive(Debug, Default)]
pub struct Gate {
    idle_epoch: AtomicU64,
    notify: Notify,
    /// SQL statements the request has run, its batches included.
    pub tally: Arc<crate::store::Tally>,
}

// An epoch no request reaches: the gate stays open for good.
const CLOSED: u64 = u64::MAX;

// A batch never waits longer than this for an idle moment: a guard against a
// request that somehow never reports one. It should not fire in practice.
const LONGEST_WAIT: Duration = Duration::from_millis(500);

impl Gate {
    /// A gate whose tally also notes the tables of `tables` the request reads.
    pub fn watching(tables: Arc<crate::store::Tables>) -> Self {
        Self {
            tally: Arc::new(crate::store::Tally::watching(tables)),
            ..Self::default()
        }
    }

    /// The current idle epoch, read when a batch is created.
    fn epoch(&self) -> u64 {
        self.idle_epoch.load(Ordering::Acquire)
    }

    /// Completes once the request has been idle after epoch `start` (at once
    /// if it has been already, or if the request has ended).
    async fn idle_since(&self, start: u64) {
        loop {
            let notified = self.notify.notified();
            let now = self.epoch();
            if now != start || now == CLOSED {
                return;
            }
            notified.await;
        }
    }

    fn idle(&self) {
        let _ = self
            .idle_epoch
            .fetch_update(Ordering::AcqRel, Ordering::Acquire, |e| {
                (e != CLOSED).then_some(e + 1)
            });
        self.notify.notify_waiters();
    }

    fn close(&self) {
        self.idle_epoch.store(CLOSED, Ordering::Release);
        self.notify.notify_waiters();
    }

    /// A DataLoader spawner: runs each batch on tokio once the request is idle.
    /// The epoch is read here, inside the request's poll that asked for the
    /// first key, so an idle moment that comes before the batch task first
    /// runs still counts.
    pub fn spawner(self: &Arc<Self>) -> impl Fn(BoxFuture<'static, ()>) + Send + Sync + 'static {
        let gate = self.clone();
        move |batch| {
            let gate = gate.clone();
            let start = gate.epoch();
            let tally = gate.tally.clone();
            let work = crate::store::counting(tally, async move {
                let _ = tokio::time::timeout(LONGEST_WAIT, gate.idle_since(start)).await;
                batch.await;
            });
            // Traced, the batch's statements belong to the request's trace.
            match crate::telemetry::current_span() {
                Some(span) => tokio::spawn(tracing::Instrument::instrument(work, span)),
                None => tokio::spawn(work),
            };
        }
    }
}

/// Wraps a request future and reports its idle moments to a [`Gate`].
pub struct Quiesce<F> {
    inner: Pin<Box<F>>,
    gate: Arc<Gate>,
}

impl<F> Quiesce<F> {
    /// Watches `inner` on behalf of `gate`.
    pub fn new(inner: F, gate: Arc<Gate>) -> Self {
        Self {
            inner: Box::pin(inner),
            gate,
        }
    }
}

struct Flagging {
    woken: AtomicBool,
    waker: Waker,
}

impl Wake for Flagging {
    fn wake(self: Arc<Self>) {
        self.wake_by_ref();
    }

    fn wake_by_ref(self: &Arc<Self>) {
        self.woken.store(true, Ordering::Release);
        self.waker.wake_by_ref();
    }
}

impl<F: Future> Future for Quiesce<F> {
    type Output = F::Output;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<F::Output> {
        let flag = Arc::new(Flagging {
            woken: AtomicBool::new(false),
            waker: cx.waker().clone(),
        });
        let waker = Waker::from(flag.clone());
        let result = self.inner.as_mut().poll(&mut Context::from_waker(&waker));
        // A future that woke itself (a cooperative yield) still has work to do;
        // only a quiet Pending means every key it can register is registered.
        if result.is_pending() && !flag.woken.load(Ordering::Acquire) {
            self.gate.idle();
        }
        result
    }
}

impl<F> Drop for Quiesce<F> {
    fn drop(&mut self) {
        // A cancelled request must not leave batches waiting forever.
        self.gate.close();
    }
}
