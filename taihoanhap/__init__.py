"""taihoanhap: community reintegration management (quản lý tái hòa nhập cộng đồng)."""
