package org.capgov.compliance;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.capgov.catalog.Catalog;
import org.capgov.catalog.SourceDocument;
import org.capgov.region.Region;
import org.capgov.registry.RegistryFactsEnterprise;

/**
 * Turns what is known of an enterprise into the {@link Facts} the engine reads, the same way for the stateless API
 * and for runs: the air zone of the enterprise's region, and the documents in force whose jurisdiction covers it.
 * One builder serves one catalogue and date; it remembers the documents per region, since a run meets each region
 * thousands of times.
 */
final class FactsBuilder {

    private final Catalog catalogue;
    private final LocalDate asOf;
    private final Function<String, Optional<Region>> regions;
    private final Map<String, Set<String>> documentsByRegion = new HashMap<>();

    FactsBuilder(Catalog catalogue, LocalDate asOf, Function<String, Optional<Region>> regions) {
        this.catalogue = catalogue;
        this.asOf = asOf;
        this.regions = regions;
    }

    /** A builder over a snapshot of the regions (open and closed), for a run. */
    static FactsBuilder over(Catalog catalogue, LocalDate asOf, List<Region> allRegions) {
        Map<String, Region> byCode = new HashMap<>();
        allRegions.forEach(r -> byCode.put(r.code(), r));
        return new FactsBuilder(catalogue, asOf, code -> Optional.ofNullable(byCode.get(code)));
    }

    LocalDate asOf() {
        return asOf;
    }

    /** Facts of a registered enterprise; an enterprise whose region is unknown is evaluated in the default zone. */
    Facts facts(RegistryFactsEnterprise e, List<Facts.MeasurementFact> measurements) {
        Region region = regions.apply(e.regionCode()).orElse(null);
        String zone = region == null ? "OTHER" : region.airZone().name();
        Set<String> documents = region == null ? Set.of() : documentsCovering(region);
        List<Facts.EquipmentFact> equipment = new ArrayList<>(e.equipment().size());
        for (RegistryFactsEnterprise.Item item : e.equipment()) {
            equipment.add(new Facts.EquipmentFact(item.code(), item.type(), item.parameters()));
        }
        return new Facts(asOf, zone, documents, e.industries(), equipment, measurements);
    }

    /** Documents in force on the date whose jurisdiction (a region subtree, or the nation) covers the region. */
    Set<String> documentsCovering(Region region) {
        return documentsByRegion.computeIfAbsent(region.path(), p -> Set.copyOf(documentsCovering(catalogue, region,
                asOf, regions)));
    }

    static Set<String> documentsCovering(Catalog catalogue, Region region, LocalDate asOf,
            Function<String, Optional<Region>> regions) {
        Set<String> ids = new HashSet<>();
        for (SourceDocument d : catalogue.documents().values()) {
            // expires is the document's last day in force, that day included
            if (d.expires() != null && asOf.isAfter(d.expires())) {
                continue;
            }
            if (d.jurisdiction() == null || d.jurisdiction().isBlank()) {
                ids.add(d.id());
                continue;
            }
            // a jurisdiction the region table does not know covers nothing
            regions.apply(d.jurisdiction()).filter(j -> region.path().startsWith(j.path())).ifPresent(j -> ids.add(d.id()));
        }
        return ids;
    }
}
