"""Claim Atlas benchmarks: ``python -m benchmarks [--quick]`` (see README, "Benchmarks").

Modules: ``corpus`` (seeded synthetic articles and claims), ``extraction``, ``peer``,
``gazetteer``, ``rerun``, ``browser`` (one per figure), ``report`` (keys, targets, table),
``stats`` (median/min–max, machine info), ``profile`` (pyinstrument call trees), ``app``
(the minimal Streamlit app the browser figures load).
"""
