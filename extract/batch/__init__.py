"""Whole archives: `runner` plans and runs a batch, `manifest` records each input's
outcome (resumable), `worker` extracts one file in a child process under limits,
`local_executor` and `dask_executor` run workers, `progress` reports, `preload` warms the
fork server, `export` writes a batch's outputs as joined tables. May import: `pipeline`,
`output` and everything below them.
"""
