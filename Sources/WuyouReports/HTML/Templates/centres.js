// The all-centres page's search box: hides the rows whose text does not contain what is typed.
// Without script the box stays hidden and the page still filters by verdict and sub-district.
(function () {
  var box = document.getElementById("search");
  if (!box) { return; }
  box.parentNode.hidden = false;
  var rows = document.querySelectorAll("table.centres tbody tr");
  var texts = [];
  for (var i = 0; i < rows.length; i++) { texts.push(rows[i].textContent.toLowerCase()); }
  box.addEventListener("input", function () {
    var query = box.value.trim().toLowerCase();
    for (var i = 0; i < rows.length; i++) {
      rows[i].hidden = query !== "" && texts[i].indexOf(query) < 0;
    }
  });
})();
