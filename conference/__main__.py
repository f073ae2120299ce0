from conference.cli import main

raise SystemExit(main())
