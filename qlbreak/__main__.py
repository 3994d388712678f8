import sys

from qlbreak.cli import main

sys.exit(main())
