/** Name pools for benchmark fixtures: common given names and surnames of Guatemala, Honduras and El Salvador. */
export const GIVEN = (
  'José,Juan,Luis,Carlos,Jorge,Mario,Edgar,Marvin,Elmer,Wilmer,Selvin,Kevin,Brayan,Santos,Óscar,Víctor,Hugo,Erick,Byron,Nery,' +
  'Walter,Rudy,Julio,César,Francisco,Manuel,Miguel,Ángel,Pedro,Pablo,Diego,Cristian,Josué,Alexis,Estuardo,René,Rolando,Armando,Rigoberto,Efraín,' +
  'María,Ana,Rosa,Karla,Dunia,Sindy,Glenda,Brenda,Maritza,Yolanda,Juana,Delmy,Lesbia,Ingrid,Mayra,Sandra,Gladys,Reina,Marta,Blanca,' +
  'Lucía,Carolina,Yesenia,Marisol,Azucena,Elena,Patricia,Verónica,Mirna,Olga,Floridalma,Wendy,Evelyn,Heidy,Keila,Dalia,Iris,Zoila,Telma,Irma'
).split(',');

export const SURNAMES = (
  'López,Pérez,García,Hernández,Martínez,González,Rodríguez,Ramírez,Cruz,Flores,Morales,Reyes,Sánchez,Rivera,Gómez,Díaz,Torres,Castillo,Ortiz,Mejía,' +
  'Caal,Tiul,Choc,Xicará,Ajú,Chumil,Coc,Pop,Batz,Tzoc,Tum,Xol,Chen,Cuc,Ical,Yat,Quej,Bol,Maquín,Cac,' +
  'Orellana,Velásquez,Aguilar,Méndez,Juárez,Ramos,Vásquez,Álvarez,Romero,Chávez,Herrera,Mendoza,Estrada,Salazar,Barrios,Ruiz,Guzmán,Cabrera,Lemus,Monterroso,' +
  'Zelaya,Maldonado,Fuentes,Rosales,Paz,Escobar,Alvarado,Figueroa,Cárcamo,Lagos,Bonilla,Amaya,Portillo,Zavala,Murillo,Osorio,Sosa,Núñez,Aguirre,Villeda,' +
  'Quiñónez,Argueta,Henríquez,Menjívar,Guardado,Alfaro,Serrano,Quintanilla,Ayala,Palacios,Marroquín,Solís,Girón,Cifuentes,Hidalgo,Recinos,Arévalo,Sagastume,Bran,Xitumul,' +
  'Ixcoy,Pacheco,Saquic,Tojín,Us,Calel,Tecún,Ixchop,Sicay,Boj,Ordóñez,Escalante,Calderón,Pineda,Medrano,Sandoval,Soto,Lara,Galdámez,Canales'
).split(',');
