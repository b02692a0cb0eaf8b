"""The monthly step of levier's engine (docs/model.md, section 4) in NumPy, for the benchmark
that runs it beside the TypeScript engine on the same synthetic firm-level network.

It implements the same equations for networks without export-control caps or guaranteed flows
(the benchmark uses a capacity shock): plans, needs, input-limited output, use and stocks,
orders (a buyer's own country's firms serve its need at their baseline share; stock rebuilding is
ordered abroad), reordering of what suppliers cannot make to foreign suppliers with spare
capacity, shipping in two tiers, rerouting of unsold output, receipts, plans and ramp-up. Per-pool and per-node sums
use np.bincount, per-node minima np.minimum.reduceat.

It also times the memory-bound reference the engine is measured against: one SciPy CSR
matrix-vector product over the same edges (`csr_product_seconds`; Debian's python3-scipy).

usage: python3 step_numpy.py DIR MONTHS   (DIR holds the arrays written by bench/engine/run.ts)
"""
import json
import sys
import time

import numpy as np


def load(d):
    meta = json.load(open(f"{d}/meta.json"))
    a = {}
    for name, dtype in meta["arrays"].items():
        a[name] = np.fromfile(f"{d}/{name}.bin", dtype=np.float64 if dtype == "f8" else np.int32)
    return meta, a


def main():
    d, months = sys.argv[1], int(sys.argv[2])
    meta, a = load(d)
    N, Q, E, G = meta["N"], meta["Q"], meta["E"], meta["G"]
    refill = meta["refillRate"]
    edge_pool = a["edgePool"]
    edge_node = a["edgeNode"]
    edge_base = a["edgeBase"]
    link_pool = a["linkPool"]
    link_node = a["linkNode"]
    link_coef = a["linkCoef"]
    link_crit = a["linkCrit"]
    link_start = a["linkStart"]
    node_good = a["nodeGood"]
    node_actor = a["nodeActor"]
    pool_actor = a["poolActor"]
    edge_home = a["edgeHome"] == 1
    pool_home = a["poolHomeBase"]
    foreign = node_actor[edge_node] != pool_actor[edge_pool]
    pool_good = a["poolGood"]
    node_base = a["nodeBase"]
    node_cap0 = a["nodeCapacity"]
    pool_base = a["poolBase"]
    need_base = a["poolNeedBase"]
    pool_final = a["poolFinal"]
    stock_months = a["poolStockMonths"]
    ramp_lag = a["rampLag"]
    ramp_rate = a["rampRate"]
    ramp_max = a["rampMax"]
    cap_factor = np.ones(N)
    cap_factor[a["shockNodes"]] = meta["shockFactor"]

    has_links = link_start[1:] > link_start[:-1]
    seg = link_start[:-1][has_links]

    wanted = node_base.copy()
    ramp_added = np.zeros(N)
    pool_capped = np.zeros(Q, dtype=bool)
    excess = np.zeros(N)
    inventory = np.zeros(N)
    stock = stock_months * pool_base
    received = pool_base.copy()
    times = []
    output = None
    for _ in range(months):
        t0 = time.perf_counter()
        # 1-4. plans, needs, output, use, stocks
        capacity = (node_cap0 + ramp_added) * cap_factor  # ramp-up is part of the shocked plant
        plan = np.where(wanted < capacity, wanted, np.maximum(capacity, 0))
        need = np.bincount(link_pool, weights=link_coef * plan[link_node], minlength=Q) + pool_final
        with np.errstate(divide="ignore", invalid="ignore"):
            supplied = np.where(need_base > 0, pool_base * (need / need_base), need)
            avail = stock + received
            phi = np.where(supplied > 0, np.where(avail >= supplied, 1.0, avail / supplied), 1.0)
        f = phi[link_pool]
        factor = np.where(f < 1, 1 - link_crit * (1 - f), 1.0)
        limit = np.ones(N)
        if seg.size:
            limit[has_links] = np.minimum.reduceat(factor, seg)
        limit = np.minimum(limit, 1.0)
        output = plan * limit
        with np.errstate(divide="ignore", invalid="ignore"):
            usable = np.where(plan > 0, capacity * (output / plan), capacity)
        by_output = link_coef * output[link_node]
        by_receipt = f * (link_coef * plan[link_node])
        use = np.bincount(link_pool, weights=np.minimum(by_output, by_receipt), minlength=Q)
        served = phi * pool_final
        u = use + served
        with np.errstate(divide="ignore", invalid="ignore"):
            used = np.where(need_base > 0, pool_base * (u / need_base), u)
        stock = np.maximum(stock + (received - used), 0)
        # 5. orders
        target = stock_months * pool_base
        order = np.maximum(supplied + refill * (target - stock), 0)
        with np.errstate(divide="ignore", invalid="ignore"):
            ratio = np.where(pool_base > 0, order / pool_base, 0)
            # stock rebuilt beyond the month's need is ordered abroad by buyers an export control
            # reaches (none in this benchmark: it has no caps), so this split never applies here
            split = pool_capped & (order > supplied) & (pool_home > 0) & (pool_home < pool_base)
            home_ratio = np.where(split, supplied / pool_base, ratio)
            ratio = np.where(split, (order - pool_home * (supplied / pool_base)) / (pool_base - pool_home), ratio)
        orders = edge_base * np.where(edge_home, home_ratio[edge_pool], ratio[edge_pool])
        node_orders = np.bincount(edge_node, weights=orders, minlength=N)
        node_demand = node_orders.copy()
        # 6. what a supplier cannot make goes to suppliers with spare capacity
        over_nodes = node_orders > usable
        unplaced = np.zeros(G)
        extra = np.zeros(E)
        if over_nodes.any():
            with np.errstate(divide="ignore", invalid="ignore"):
                keep = np.where(usable > 0, usable / node_orders, 0)
            moved = np.where(over_nodes[edge_node], orders * (1 - keep[edge_node]), 0)
            orders = orders - moved
            over = np.bincount(edge_pool, weights=moved, minlength=Q)
            node_orders = np.bincount(edge_node, weights=orders, minlength=N)
            spare = np.maximum(usable - node_orders, 0)
            elig = (over[edge_pool] > 0) & (spare[edge_node] > 0) & foreign
            reach = np.bincount(edge_pool, weights=np.where(elig, spare[edge_node], 0), minlength=Q)
            take = np.minimum(over, reach)
            unplaced += np.bincount(pool_good, weights=over - take, minlength=G)
            with np.errstate(divide="ignore", invalid="ignore"):
                claim = np.where(elig & (take[edge_pool] > 0), take[edge_pool] * spare[edge_node] / reach[edge_pool], 0)
            claimed = np.bincount(edge_node, weights=claim, minlength=N)
            with np.errstate(divide="ignore", invalid="ignore"):
                granted = np.where(claimed[edge_node] > spare[edge_node], claim * spare[edge_node] / claimed[edge_node], claim)
            unplaced += np.bincount(pool_good[edge_pool], weights=claim - granted, minlength=G)
            orders = orders + granted
            extra = granted
            node_extra = np.bincount(edge_node, weights=extra, minlength=N)
            node_demand = node_demand + node_extra
            node_orders = np.bincount(edge_node, weights=orders, minlength=N)
        else:
            node_extra = np.zeros(N)
        # 7. shipping: regular orders, then reordered ones
        avail_n = output + inventory
        regular = node_orders - node_extra
        with np.errstate(divide="ignore", invalid="ignore"):
            r = np.where(regular > 0, np.where(avail_n >= regular, 1.0, avail_n / regular), 0)
        shipped = r[edge_node] * (orders - extra)
        sent = np.bincount(edge_node, weights=shipped, minlength=N)
        left_n = np.maximum(avail_n - sent, 0)
        with np.errstate(divide="ignore", invalid="ignore"):
            q2 = np.where(node_extra > 0, np.where(left_n >= node_extra, 1.0, left_n / node_extra), 0)
        shipped = shipped + q2[edge_node] * extra
        node_shipped = np.bincount(edge_node, weights=shipped, minlength=N)
        # 8. rerouting of unsold output to unmet orders
        left = output + inventory - node_shipped
        left = np.where(left > 1e-12 * (node_base + 1e-300), left, 0)
        if (left > 0).any():
            rationed = node_shipped < node_orders
            gap = orders - shipped
            unmet = np.bincount(edge_pool, weights=np.where(rationed[edge_node] & (gap > 0), gap, 0), minlength=Q)
            if (unmet > 0).any():
                has_left = left[edge_node] > 0
                reach_n = np.bincount(edge_node, weights=np.where(has_left, unmet[edge_pool], 0), minlength=N)
                with np.errstate(divide="ignore", invalid="ignore"):
                    offer = np.where(has_left & (reach_n[edge_node] > 0), left[edge_node] * unmet[edge_pool] / reach_n[edge_node], 0)
                offered = np.bincount(edge_pool, weights=offer, minlength=Q)
                with np.errstate(divide="ignore", invalid="ignore"):
                    take_e = np.where(offered[edge_pool] > unmet[edge_pool], offer * unmet[edge_pool] / offered[edge_pool], offer)
                shipped = shipped + take_e
                node_shipped = node_shipped + np.bincount(edge_node, weights=take_e, minlength=N)
        # 9. receipts, inventories, plans, ramp-up
        received = np.bincount(edge_pool, weights=shipped, minlength=Q)
        inventory = np.maximum(output + inventory - node_shipped, 0)
        wanted = np.maximum(node_demand - inventory, 0)
        # ramp-up only where capacity binds: not short of an input, not cut by a shock
        capacity_binds = (limit >= 1) & (cap_factor >= 1)
        short = capacity_binds & ((node_demand > capacity) | ((unplaced[node_good] > 0) & (node_demand >= usable * (1 - 1e-12))))
        excess = np.where(short, excess + 1, 0)
        ramping = (excess >= ramp_lag[node_good]) & (excess > 0)
        ramp_added = np.where(ramping, np.minimum(ramp_added + ramp_rate[node_good] * node_cap0, ramp_max[node_good] * node_cap0), ramp_added)
        times.append(time.perf_counter() - t0)
    output.astype(np.float64).tofile(f"{d}/numpy-output.bin")
    product = csr_product_seconds(N, Q, a["edgeStart"], edge_pool, edge_base)
    json.dump(
        {"seconds": times, "numpy": np.__version__, "scipy": product[0], "product": product[1]},
        open(f"{d}/numpy-times.json", "w"),
    )


def csr_product_seconds(N, Q, edge_start, edge_pool, edge_base):
    """The memory-bound reference: one sparse matrix-vector product over the same edges (a SciPy
    CSR matrix, suppliers by pools, times a vector over pools), the median of 11 runs. Every
    pass the engine makes over its edges reads at least what this product reads."""
    try:
        import scipy
        from scipy.sparse import csr_matrix
    except ImportError:
        return None, []
    A = csr_matrix((edge_base, edge_pool, edge_start), shape=(N, Q))
    x = np.linspace(0.5, 1.5, Q)
    y = A @ x
    seconds = []
    for _ in range(11):
        t0 = time.perf_counter()
        y = A @ x
        seconds.append(time.perf_counter() - t0)
    assert y.shape == (N,)
    return scipy.__version__, seconds


if __name__ == "__main__":
    main()
