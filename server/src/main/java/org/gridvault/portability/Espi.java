package org.gridvault.portability;

/**
 * The ESPI (NAESB REQ.21) codes GridVault reads and writes; see docs/privacy/green-button.md for the mapping.
 */
final class Espi {

    static final String ATOM = "http://www.w3.org/2005/Atom";
    static final String NAMESPACE = "http://naesb.org/espi";

    /** ServiceKind: electricity. */
    static final int SERVICE_ELECTRICITY = 0;
    /** FlowDirectionKind: forward, delivered to the customer (grid import). */
    static final int FLOW_FORWARD = 1;
    /** FlowDirectionKind: reverse, received from the customer (grid export). */
    static final int FLOW_REVERSE = 19;
    /** AccumulationKind: the value of each interval on its own. */
    static final int ACCUMULATION_DELTA = 4;
    /** CommodityKind: electricity, secondary metered (the customer's side of the meter). */
    static final int COMMODITY_ELECTRICITY = 1;
    /** DataQualifierKind: normal. */
    static final int QUALIFIER_NORMAL = 12;
    /** MeasurementKind: energy. */
    static final int KIND_ENERGY = 12;
    /** PhaseCodeKind: all phases (ABC, 769). */
    static final int PHASE_ALL = 769;
    /** UnitSymbolKind: watt-hours. */
    static final int UOM_WH = 72;

    private Espi() {}
}
