"""Find where your own face appears in your own data."""

import os

__version__ = "0.1.0"

# Scans run one photo per worker process, one process per core: a BLAS thread pool inside each
# would only fight the other workers for the same cores. Set before numpy loads its BLAS.
for _variable in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS"):
    os.environ.setdefault(_variable, "1")
