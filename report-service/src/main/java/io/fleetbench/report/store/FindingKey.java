package io.fleetbench.report.store;

/** The identity of a finding within one host: benchmark version, check id and target key. */
record FindingKey(String benchmarkVersion, String checkId, String targetKey) {

    @Override
    public String toString() {
        return "check " + checkId + " on " + targetKey + " (benchmark " + benchmarkVersion + ")";
    }
}
