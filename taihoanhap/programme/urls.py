app_name = "programme"

urlpatterns: list = []
