app_name = "poort"
urlpatterns: list = []
