package org.capgov.registry;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.capgov.shared.DataScope;
import org.springframework.stereotype.Service;

/**
 * The registry read API of evaluation runs: every enterprise in a scope with its current equipment, streamed in
 * enterprise-id order by one query, so that a run over a million equipment rows holds one enterprise at a time and
 * can be merged with other streams in the same order (measurements). Enterprises that have left the register
 * (EXITED, DEREGISTERED) are not evaluated.
 */
@Service
public class RegistryFacts {

    private final RegistryFactsRepository repository;

    RegistryFacts(RegistryFactsRepository repository) {
        this.repository = repository;
    }

    /**
     * Hands every enterprise in {@code scope} to {@code sink}, in ascending enterprise id, with the equipment
     * commissioned by {@code asOf} (or of unknown commissioning date). Runs in a read-only transaction of its own,
     * which a cursor needs.
     */
    public void forEach(DataScope scope, LocalDate asOf, Consumer<RegistryFactsEnterprise> sink) {
        repository.stream(scope, asOf, null, sink);
    }

    /** As {@link #forEach} but only the enterprises whose ids are given (those changed since an earlier run). */
    public void forEach(DataScope scope, LocalDate asOf, Collection<Long> enterpriseIds,
            Consumer<RegistryFactsEnterprise> sink) {
        if (!enterpriseIds.isEmpty()) {
            repository.stream(scope, asOf, enterpriseIds, sink);
        }
    }

    /** How many enterprises {@link #forEach} would hand out. */
    public int count(DataScope scope) {
        return repository.count(scope, null);
    }

    /** How many of the given enterprises {@link #forEach} would hand out. */
    public int count(DataScope scope, Collection<Long> enterpriseIds) {
        return enterpriseIds.isEmpty() ? 0 : repository.count(scope, enterpriseIds);
    }

    /** One enterprise by USCC, if it is in scope and still in the register. */
    public Optional<RegistryFactsEnterprise> find(String uscc, LocalDate asOf, DataScope scope) {
        return repository.find(uscc, asOf, scope);
    }

    /**
     * Ids of the enterprises whose registry entry, equipment or measurements changed after {@code since}: the ones an
     * incremental run evaluates again. Enterprises registered after {@code since} count as changed.
     */
    public Set<Long> changedSince(Instant since) {
        return repository.changedSince(since);
    }
}
