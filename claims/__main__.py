"""``python -m claims extract|disputes PATH ...``"""

from claims.cli import main

raise SystemExit(main())
