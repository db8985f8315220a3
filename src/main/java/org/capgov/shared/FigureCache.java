package org.capgov.shared;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Computed figures kept until one of their inputs changes: capacity's figures
 * (docs/decisions/capacity-figures-performance.md) and the counts of the public lists
 * (docs/decisions/disclosure-list-performance.md), whose tables are all among the inputs V95 versions.
 * Every statement writing an input table draws the next value of the sequence {@code capacity_input_version} under a
 * shared advisory lock (migration V95); a figure is served from here only while that value is the one it was
 * computed under, and it is kept only when no writing transaction was in flight just before it was computed, so a
 * figure is never served for data it did not see. Aggregates only: the caller's scope is part of the key wherever
 * it narrows the figure.
 */
@Component
public class FigureCache {

    /** The advisory lock key the trigger of V95 takes shared ("capac"). */
    static final long WRITERS = 0x6361706163L;
    static final int MAX_ENTRIES = 20_000;

    private record Entry(long version, Object value) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;
    private final Map<Object, Entry> entries = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Object, Entry> eldest) {
            return size() > MAX_ENTRIES;
        }
    };

    FigureCache(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** The figure under {@code key}, computed by {@code compute} unless kept from an unchanged version of the inputs. */
    @SuppressWarnings("unchecked")
    public <T> T get(Object key, Supplier<T> compute) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            // inside a transaction that may have written inputs itself: compute, keep nothing
            return compute.get();
        }
        long now = version();
        Entry e;
        synchronized (entries) {
            e = entries.get(key);
        }
        if (e != null && e.version() == now) {
            return (T) e.value();
        }
        Long quiet = quietVersion();
        T value = compute.get();
        if (quiet != null) {
            synchronized (entries) {
                entries.put(key, new Entry(quiet, value));
            }
        }
        return value;
    }

    /** The inputs' version now, including changes not yet committed. */
    long version() {
        return jdbc.sql("select case when is_called then last_value else 0 end from capacity_input_version")
                .query(Long.class).single();
    }

    /** The inputs' version when no writing transaction is in flight, else null (then nothing is kept). */
    Long quietVersion() {
        return ownTransaction.execute(s -> {
            boolean quiet = jdbc.sql("select pg_try_advisory_xact_lock(:key)").param("key", WRITERS)
                    .query(Boolean.class).single();
            return quiet ? version() : null;
        });
    }
}
