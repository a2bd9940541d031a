"""The features that cross the three processes: the dashboard, the work lists of the role homes,
the search, the Laporan Layanan Informasi Publik (with its XLSX and charts), the registers printed
in the background, the hand-back to the online system, the backup, the retention of scans, the
demo and the specimen book.

They read registrasi, keberatan and dip, so they live here and not in the kernel
(ppid_manual: models, roles and access, the workflow module, numbering, letters), which never
imports an app (tests/test_lapisan.py)."""
